package io.loyaltyloop.survey;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.LinkSigner;
import io.loyaltyloop.system.LinksProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Survey links for the journey's NPS and CSAT emails: one per score, all sharing one token. */
@Component
class SignedSurveyLinks implements SurveyLinks {

    /** An answer months after delivery says little about the delivery; the link stops after 90 days. */
    static final Duration VALIDITY = Duration.ofDays(90);

    private final LinkSigner signer;
    private final LinksProperties links;
    private final Clock clock;

    SignedSurveyLinks(LinkSigner signer, LinksProperties links, Clock clock) {
        this.signer = signer;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public SortedMap<Integer, String> scoreLinks(ShopId shop, long orderId, SurveyType type) {
        Instant expiresAt = clock.instant().plus(VALIDITY);
        String token = new SurveyLink(shop, orderId, type).sign(signer, expiresAt);
        SortedMap<Integer, String> byScore = new TreeMap<>();
        for (int score = type.lowest(); score <= type.highest(); score++) {
            byScore.put(score, links.absolute("/s/" + token + "?score=" + score));
        }
        return byScore;
    }
}
