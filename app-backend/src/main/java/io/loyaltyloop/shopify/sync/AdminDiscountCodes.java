package io.loyaltyloop.shopify.sync;

import io.loyaltyloop.shopify.admin.AdminDocument;
import io.loyaltyloop.shopify.admin.AdminUserErrorsException;
import io.loyaltyloop.shopify.admin.ShopifyAdminClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates reward codes in a shop, exactly once. Shopify has no idempotency key on discount
 * creation, so the code itself is the key: a retry after a lost response is answered with {@code
 * TAKEN}, and if the existing code is ours (our tag, restricted to that same customer) the
 * creation has already happened.
 */
public final class AdminDiscountCodes {

    /** Marks the discounts this app creates, so a TAKEN code can be recognised as ours. */
    static final String TAG = "loyalty-loop";

    private final ShopifyAdminClient client;

    public AdminDiscountCodes(ShopifyAdminClient client) {
        this.client = client;
    }

    /** The discount node's id; {@code alreadyExisted} when an earlier attempt had created it. */
    public record Issued(String discountId, boolean alreadyExisted) {}

    /**
     * Creates the code, or confirms an earlier attempt did.
     *
     * @throws AdminUserErrorsException if Shopify refused it, including a code taken by someone else
     */
    public Issued issue(String shop, AdminRewardCode reward) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("title", reward.title());
        variables.put("code", reward.code());
        variables.put("customerId", reward.customerId());
        variables.put("startsAt", reward.startsAt().toString());
        variables.put("tags", List.of(TAG));
        AdminDocument document;
        String payloadField = "discountCodeBasicCreate";
        switch (reward.value()) {
            case AdminRewardCode.FixedAmount fixed -> {
                document = AdminDocument.DISCOUNT_FIXED_AMOUNT_CREATE;
                variables.put("amount", fixed.amount().toPlainString());
            }
            case AdminRewardCode.Percentage percentage -> {
                document = AdminDocument.DISCOUNT_PERCENTAGE_CREATE;
                variables.put("percentage", percentage.fraction().doubleValue());
            }
            case AdminRewardCode.FreeShipping free -> {
                document = AdminDocument.DISCOUNT_FREE_SHIPPING_CREATE;
                payloadField = "discountCodeFreeShippingCreate";
            }
        }
        try {
            Map<String, Object> payload = client.mutate(shop, document, variables, payloadField);
            return new Issued(idOf(payload.get("codeDiscountNode")), false);
        } catch (AdminUserErrorsException e) {
            // The schema offers both TAKEN ("already taken") and DUPLICATE ("already present") and
            // does not say which a reused code gets; looking up is harmless, only ours counts.
            if (e.has("TAKEN") || e.has("DUPLICATE")) {
                String ours = findOurs(shop, reward);
                if (ours != null) {
                    return new Issued(ours, true);
                }
            }
            throw e;
        }
    }

    /** The existing discount's id if it is the one we issued for this customer, else null. */
    private String findOurs(String shop, AdminRewardCode reward) {
        Map<String, Object> node = client.execute(
                        shop, AdminDocument.DISCOUNT_CODE_LOOKUP, Map.of("code", reward.code()))
                .field("codeDiscountNodeByCode")
                .getValue();
        if (node == null || !(node.get("codeDiscount") instanceof Map<?, ?> discount)) {
            return null;
        }
        boolean tagged = discount.get("tags") instanceof List<?> tags && tags.contains(TAG);
        boolean sameCustomer = discount.get("context") instanceof Map<?, ?> context
                && context.get("customers") instanceof List<?> customers
                && customers.size() == 1
                && customers.getFirst() instanceof Map<?, ?> customer
                && reward.customerId().equals(customer.get("id"));
        return tagged && sameCustomer ? idOf(node) : null;
    }

    private static String idOf(Object node) {
        return node instanceof Map<?, ?> map ? Objects.toString(map.get("id"), null) : null;
    }
}
