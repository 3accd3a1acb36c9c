package io.loyaltyloop.shopify.admin;

import java.util.List;

/** Shopify answered with top-level GraphQL {@code errors} (other than throttling): a bug on our side. */
public class AdminGraphQlErrorsException extends ShopifyAdminException {

    private static final long serialVersionUID = 1L;

    private final List<String> messages;

    public AdminGraphQlErrorsException(String shop, AdminDocument document, List<String> messages) {
        super(document.operationName() + " on " + shop + " failed: " + String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
