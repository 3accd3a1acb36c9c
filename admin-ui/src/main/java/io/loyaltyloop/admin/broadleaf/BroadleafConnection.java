package io.loyaltyloop.admin.broadleaf;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.Optional;

/**
 * The port through which the page reads and rotates a Broadleaf site's connection; implemented in
 * app-backend beside the sites ({@code broadleaf.site.AdminBroadleafConnection}). Without an
 * implementation the page does not exist.
 */
public interface BroadleafConnection {

    /** The shop's site; empty when the shop is not a Broadleaf site. */
    Optional<Connection> connection(ShopId shop);

    /**
     * A new shared secret, returned once and never readable again; the previous one stays valid
     * for 24 hours. Records {@code broadleaf.secret.rotate} in the audit log.
     */
    String rotate(ShopId shop, String actor);

    /**
     * @param previousValidUntil until when the secret before the last rotation is still accepted;
     *     null when there is none
     */
    record Connection(String siteId, String url, Instant rotatedAt, Instant previousValidUntil) {}
}
