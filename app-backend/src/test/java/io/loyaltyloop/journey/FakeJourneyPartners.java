package io.loyaltyloop.journey;

import io.loyaltyloop.email.EmailOutbox;
import io.loyaltyloop.email.OutgoingEmail;
import io.loyaltyloop.review.OpenReviewItem;
import io.loyaltyloop.review.PendingReview;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.review.ReviewInvite;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.survey.SurveyLinks;
import io.loyaltyloop.survey.SurveyType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** In-memory stand-ins for the email, review and survey features the dispatcher talks to. */
final class FakeJourneyPartners implements EmailOutbox, ReviewInvitations, SurveyLinks {

    final List<OutgoingEmail> enqueued = new ArrayList<>();
    final Set<String> refusedAddresses = new HashSet<>();
    final Map<Long, List<ReviewInvite>> invites = new HashMap<>();
    final Set<Long> reviewed = new HashSet<>();

    @Override
    public synchronized boolean enqueue(OutgoingEmail email) {
        if (refusedAddresses.contains(email.toAddress())
                || enqueued.stream()
                        .anyMatch(e -> e.shop().equals(email.shop())
                                && e.idempotencyKey().equals(email.idempotencyKey()))) {
            return false;
        }
        enqueued.add(email);
        return true;
    }

    @Override
    public List<ReviewInvite> invitesFor(ShopId shop, long orderId) {
        return invites.getOrDefault(orderId, List.of());
    }

    @Override
    public List<PendingReview> pendingFor(ShopId shop, long customerId, int limit) {
        return List.of();
    }

    @Override
    public List<PendingReview> linked(ShopId shop, List<OpenReviewItem> items) {
        return List.of();
    }

    @Override
    public boolean anyReviewSubmitted(ShopId shop, long orderId) {
        return reviewed.contains(orderId);
    }

    @Override
    public SortedMap<Integer, String> scoreLinks(ShopId shop, long orderId, SurveyType type) {
        SortedMap<Integer, String> links = new TreeMap<>();
        for (int score = type.lowest(); score <= type.highest(); score++) {
            links.put(score, "https://loyalty.example/s/" + orderId + "/" + score);
        }
        return links;
    }

    synchronized List<OutgoingEmail> to(ShopId shop) {
        return enqueued.stream().filter(e -> e.shop().equals(shop)).toList();
    }
}
