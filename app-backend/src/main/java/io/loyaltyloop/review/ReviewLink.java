package io.loyaltyloop.review;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.LinkSigner;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * What a review link carries, signed: the shop, the order (engine id) and the product (host id,
 * URL-encoded so that no id can break the {@code shop:order:product} layout).
 */
record ReviewLink(ShopId shop, long orderId, String productId) {

    static final String PURPOSE = "review";

    String sign(LinkSigner signer, Instant expiresAt) {
        return signer.sign(
                PURPOSE,
                shop.value() + ":" + orderId + ":" + URLEncoder.encode(productId, StandardCharsets.UTF_8),
                expiresAt);
    }

    static Optional<ReviewLink> verify(LinkSigner signer, String token, Instant now) {
        return signer.verify(PURPOSE, token, now).flatMap(ReviewLink::parse);
    }

    private static Optional<ReviewLink> parse(String payload) {
        String[] parts = payload.split(":", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ReviewLink(
                    new ShopId(Long.parseLong(parts[0])),
                    Long.parseLong(parts[1]),
                    URLDecoder.decode(parts[2], StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            // Signed by us, so this is a key shared with something else: treat as forged.
            return Optional.empty();
        }
    }
}
