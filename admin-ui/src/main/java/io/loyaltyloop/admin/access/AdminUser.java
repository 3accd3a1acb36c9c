package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.ShopId;
import java.io.Serializable;
import java.util.Objects;

/**
 * The principal of every admin request: the one shop it may see, who is acting and in which role.
 * Standalone users keep it in their HTTP session (hence {@link Serializable} and a plain shop id);
 * embedded users get a fresh one from each session token.
 *
 * @param shopId the tenant, from the verified token or the logged-in account — never from a parameter
 * @param shopName the shop's display name, for the page header
 * @param actor who acts, as the audit log records it ({@code admin:<email>} or {@code shopify-user:<id>})
 * @param role what the user may do
 * @param embeddedShop the myshopify.com domain when the request came through Shopify admin, else null
 */
public record AdminUser(long shopId, String shopName, String actor, AdminRole role, String embeddedShop)
        implements Serializable {

    public AdminUser {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(role);
    }

    public ShopId shop() {
        return new ShopId(shopId);
    }

    public boolean embedded() {
        return embeddedShop != null;
    }

    public boolean canWrite() {
        return role == AdminRole.OWNER;
    }
}
