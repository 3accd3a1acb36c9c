package io.loyaltyloop.broadleaf.checkout;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.codehaus.jackson.map.ObjectMapper;
import org.codehaus.jackson.node.ArrayNode;
import org.codehaus.jackson.node.ObjectNode;

/**
 * Turns Broadleaf's domain objects into the contract's {@code data} objects (wire contract v1,
 * "Order object" and "Customer object").
 */
public final class OrderPayloads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OrderPayloads() {}

    /** {@code {"order": Order}} for {@code order.submitted}. */
    public static String orderSubmitted(Order order) {
        ObjectNode data = JSON.createObjectNode();
        ObjectNode json = data.putObject("order");
        json.put("id", String.valueOf(order.getId()));
        if (order.getOrderNumber() != null) {
            json.put("number", order.getOrderNumber());
        }
        json.put("currency", currency(order));
        json.put("submittedAt", instant(submittedAt(order)));
        Customer customer = order.getCustomer();
        // Anonymous (guest) checkouts have a throwaway customer record: no account to earn on.
        if (customer != null && customer.isRegistered() && !customer.isAnonymous()) {
            json.put("customer", customer(customer));
        } else {
            json.putNull("customer");
        }
        List<DiscreteOrderItem> items = order.getDiscreteOrderItems();
        BigDecimal[] amounts = new BigDecimal[items.size()];
        for (int i = 0; i < amounts.length; i++) {
            amounts[i] = amount(items.get(i).getTotalPrice());
        }
        amounts = LineAmounts.afterOrderDiscount(amounts, amount(order.getOrderAdjustmentsValue()));
        ArrayNode lines = json.putArray("lines");
        for (int i = 0; i < amounts.length; i++) {
            lines.add(line(items.get(i), amounts[i]));
        }
        return data.toString();
    }

    /** The contract's Customer object (only {@code id} is required). */
    public static ObjectNode customer(Customer customer) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", String.valueOf(customer.getId()));
        putIfPresent(json, "email", customer.getEmailAddress());
        putIfPresent(json, "firstName", customer.getFirstName());
        putIfPresent(json, "lastName", customer.getLastName());
        if (customer.getCustomerLocale() != null) {
            putIfPresent(json, "locale", customer.getCustomerLocale().getLocaleCode());
        }
        json.put("acceptsMarketing", customer.isReceiveEmail());
        if (customer.getAuditable() != null && customer.getAuditable().getDateUpdated() != null) {
            json.put("updatedAt", instant(customer.getAuditable().getDateUpdated()));
        }
        return json;
    }

    /** The submit date Broadleaf's CompleteOrderActivity set, else now. */
    public static Date submittedAt(Order order) {
        return order.getSubmitDate() != null ? order.getSubmitDate() : new Date();
    }

    static String instant(Date date) {
        return Instant.ofEpochMilli(date.getTime()).toString();
    }

    private static ObjectNode line(DiscreteOrderItem item, BigDecimal amount) {
        ObjectNode line = JSON.createObjectNode();
        line.put("id", String.valueOf(item.getId()));
        Product product = item.getProduct();
        if (product != null) {
            line.put("productId", String.valueOf(product.getId()));
            putIfPresent(line, "vendor", product.getManufacturer());
            if (product.getDefaultCategory() != null) {
                putIfPresent(line, "productType", product.getDefaultCategory().getName());
            }
        }
        if (item.getSku() != null) {
            // Broadleaf 3.1 SKUs have no code of their own: the id is what exclusions can match on.
            line.put("skuId", String.valueOf(item.getSku().getId()));
            line.put("sku", String.valueOf(item.getSku().getId()));
        }
        putIfPresent(line, "title", item.getName());
        line.put("quantity", item.getQuantity());
        line.put("amount", amount.toPlainString());
        line.put("giftCard", false);
        return line;
    }

    private static String currency(Order order) {
        if (order.getCurrency() != null && order.getCurrency().getCurrencyCode() != null) {
            return order.getCurrency().getCurrencyCode();
        }
        Money total = order.getTotal() != null ? order.getTotal() : order.getSubTotal();
        return total != null ? total.getCurrency().getCurrencyCode() : "USD";
    }

    private static BigDecimal amount(Money money) {
        return money == null ? BigDecimal.ZERO : money.getAmount();
    }

    private static void putIfPresent(ObjectNode json, String field, String value) {
        if (value != null && !value.trim().isEmpty()) {
            json.put(field, value);
        }
    }
}
