package io.loyaltyloop.broadleaf.reviews;

import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.broadleaf.site.Site;
import io.loyaltyloop.broadleaf.site.SiteCaller;
import io.loyaltyloop.system.RetryBackoff;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Pushes published reviews of Broadleaf sites to {@code POST {site}/loyalty-loop/reviews}, signed.
 * The site keeps one rating per review id, so a push repeated after a lost answer writes nothing new.
 *
 * <p>Outcomes as the contract says: 200 done; 401, 408, 429, 5xx, other statuses, timeouts and
 * connection failures are retried with backoff, without end (the site is away, not refusing); any
 * other 4xx — an unknown product or customer, a bad body — gives up with the site's reason, as does a
 * review the site cannot take (a guest's, a redacted one, one no longer published).
 */
public class ReviewPushSweep {

    static final String PATH = "/loyalty-loop/reviews";

    private static final Logger log = LoggerFactory.getLogger(ReviewPushSweep.class);

    private final ReviewPushRepository pushes;
    private final BroadleafSites sites;
    private final SiteCaller caller;
    private final ObjectMapper json;
    private final ReviewPushProperties properties;
    private final Clock clock;

    ReviewPushSweep(
            DSLContext dsl,
            BroadleafSites sites,
            SiteCaller caller,
            ObjectMapper json,
            ReviewPushProperties properties,
            Clock clock) {
        this.pushes = new ReviewPushRepository(dsl);
        this.sites = sites;
        this.caller = caller;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** One round: takes due reviews and pushes them. Returns how many it took. */
    public int sweepOnce() {
        Instant now = clock.instant();
        List<ReviewPushRepository.Pending> taken =
                pushes.claimDue(now, now.plus(properties.lease()), properties.batchSize());
        taken.forEach(this::push);
        return taken.size();
    }

    private void push(ReviewPushRepository.Pending review) {
        Optional<String> unsendable = unsendable(review);
        if (unsendable.isPresent()) {
            pushes.gaveUp(review, unsendable.get(), clock.instant());
            return;
        }
        Optional<Site> site = sites.find(review.shop());
        if (site.isEmpty()) {
            pushes.gaveUp(review, "the shop is not a registered Broadleaf site", clock.instant());
            return;
        }
        HttpResponse<String> response;
        try {
            response = caller.post(site.get(), PATH, json.writeValueAsBytes(body(review)));
        } catch (IOException e) {
            retry(review, "the site did not answer: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retry(review, "interrupted while calling the site");
            return;
        }
        int status = response.statusCode();
        if (status == 200) {
            pushes.done(review, stored(response.body()), clock.instant());
        } else if (SiteCaller.isPermanentRefusal(status)) {
            pushes.gaveUp(
                    review,
                    RetryBackoff.truncate("the site refused the review: " + status + " " + response.body()),
                    clock.instant());
        } else {
            retry(review, "the site answered " + status);
        }
    }

    private static Optional<String> unsendable(ReviewPushRepository.Pending review) {
        if (!review.published()) {
            return Optional.of("the review is no longer published");
        }
        if (review.customerId() == null || review.body() == null) {
            return Optional.of("the review has no customer at the site (a guest's, or redacted)");
        }
        return Optional.empty();
    }

    private void retry(ReviewPushRepository.Pending review, String error) {
        log.info("review {} of shop {}: retried later: {}", review.reviewId(), review.shop(), error);
        pushes.failed(
                review,
                RetryBackoff.truncate(error),
                clock.instant().plus(properties.backoff().after(review.attempts() + 1)));
    }

    /** The wire body; ids as strings, as the site's other calls carry them. */
    private static Map<String, Object> body(ReviewPushRepository.Pending review) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewId", Long.toString(review.reviewId()));
        body.put("productId", review.productId());
        body.put("customerId", review.customerId());
        body.put("rating", review.rating());
        body.put("title", review.title());
        body.put("body", review.body());
        body.put(
                "approvedAt",
                review.publishedAt() == null ? null : review.publishedAt().toString());
        return body;
    }

    private boolean stored(String answer) {
        try {
            JsonNode node = json.readTree(answer);
            return node != null && node.path("stored").asBoolean(false);
        } catch (JacksonException e) {
            // A 200 is the site's word that it has the review; the answer's shape is only a detail.
            return false;
        }
    }
}
