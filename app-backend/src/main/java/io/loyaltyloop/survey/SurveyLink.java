package io.loyaltyloop.survey;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.LinkSigner;
import java.time.Instant;
import java.util.Optional;

/**
 * What a survey link carries, signed: shop, order (engine id) and survey type. The score travels
 * beside the token ({@code ?score=N}): it is the customer's own answer, checked for range, and the
 * page lets them change it before sending.
 */
record SurveyLink(ShopId shop, long orderId, SurveyType type) {

    static final String PURPOSE = "survey";

    String sign(LinkSigner signer, Instant expiresAt) {
        return signer.sign(PURPOSE, shop.value() + ":" + orderId + ":" + type.name(), expiresAt);
    }

    static Optional<SurveyLink> verify(LinkSigner signer, String token, Instant now) {
        return signer.verify(PURPOSE, token, now).flatMap(payload -> {
            String[] parts = payload.split(":", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new SurveyLink(
                        new ShopId(Long.parseLong(parts[0])), Long.parseLong(parts[1]), SurveyType.valueOf(parts[2])));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    boolean inRange(int score) {
        return score >= type.lowest() && score <= type.highest();
    }
}
