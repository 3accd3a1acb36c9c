package io.loyaltyloop.email;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.LinkSigner;
import io.loyaltyloop.system.LinksProperties;
import java.time.Instant;
import java.util.Optional;

/**
 * The signed, expiring link {@code /u/{token}} in every customer email; the token carries the shop
 * and the customer ({@code shopId:customerId}), under the purpose {@code unsubscribe}.
 */
final class UnsubscribeLinks {

    static final String PURPOSE = "unsubscribe";

    /** Who a valid token is for. */
    record Recipient(ShopId shop, long customerId) {}

    private final LinkSigner signer;
    private final LinksProperties links;
    private final EmailProperties properties;

    UnsubscribeLinks(LinkSigner signer, LinksProperties links, EmailProperties properties) {
        this.signer = signer;
        this.links = links;
        this.properties = properties;
    }

    String url(ShopId shop, long customerId, Instant now) {
        String token =
                signer.sign(PURPOSE, shop.value() + ":" + customerId, now.plus(properties.unsubscribeLinkValidity()));
        return links.absolute("/u/" + token);
    }

    /** The recipient, if the token is well formed, signed by us for unsubscribing, and not expired. */
    Optional<Recipient> verify(String token, Instant now) {
        return signer.verify(PURPOSE, token, now).flatMap(UnsubscribeLinks::recipient);
    }

    private static Optional<Recipient> recipient(String payload) {
        int colon = payload.indexOf(':');
        try {
            long shop = Long.parseLong(payload.substring(0, colon));
            long customer = Long.parseLong(payload.substring(colon + 1));
            return shop > 0 && customer > 0 ? Optional.of(new Recipient(new ShopId(shop), customer)) : Optional.empty();
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }
}
