package io.loyaltyloop.shopify.admin;

import java.util.List;
import java.util.stream.Collectors;

/** Shopify refused a mutation's input; the caller decides whether that is permanent. */
public class AdminUserErrorsException extends ShopifyAdminException {

    private static final long serialVersionUID = 1L;

    private final transient List<AdminUserError> userErrors;

    public AdminUserErrorsException(String shop, AdminDocument document, List<AdminUserError> userErrors) {
        super(document.operationName() + " on " + shop + " refused: "
                + userErrors.stream()
                        .map(e -> e.code() + " " + String.join(".", e.field()) + ": " + e.message())
                        .collect(Collectors.joining("; ")));
        this.userErrors = List.copyOf(userErrors);
    }

    public List<AdminUserError> userErrors() {
        return userErrors;
    }

    public boolean has(String code) {
        return userErrors.stream().anyMatch(e -> code.equals(e.code()));
    }
}
