package io.loyaltyloop.shopify.admin;

import java.util.List;
import java.util.Map;

/**
 * One entry of a mutation's {@code userErrors}: Shopify refused the input (HTTP 200, no GraphQL
 * error). {@code code} is the enum name, e.g. {@code TAKEN}; it may be null on older error types.
 */
public record AdminUserError(List<String> field, String code, String message) {

    public AdminUserError {
        field = field == null ? List.of() : List.copyOf(field);
    }

    @SuppressWarnings("unchecked")
    static AdminUserError fromMap(Map<String, Object> map) {
        return new AdminUserError(
                (List<String>) map.get("field"), (String) map.get("code"), String.valueOf(map.get("message")));
    }
}
