package io.loyaltyloop.review;

import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.reviews.ReviewModeration;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Shops;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin's port on the review service: bulk moves under concurrency. */
class AdminReviewModerationTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ReviewService reviews;

    @Autowired
    ReviewModeration moderation;

    @Autowired
    LedgerVerifier verifier;

    @Test
    void concurrentBulkApprovalsOverTheSameCustomersInAnyOrderCreditEachReviewOnce() throws Exception {
        // given six pending reviews of two customers, interleaved
        Shop shop = Shops.newShop(dsl);
        reviews.updateSettings(shop.id(), new ReviewSettings(false, 5, List.of(), 10, 100), "test");
        List<String> customers = List.of("c-" + UUID.randomUUID(), "c-" + UUID.randomUUID());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(ReviewFixtures.reviewed(
                            dsl, loyalty, reviews, shop.id(), customers.get(i % 2), "p" + i, 3, "t", "b")
                    .reviewId());
        }

        // when eight bulk approvals of overlapping halves, forwards and backwards, run at once
        List<List<Long>> batches = List.of(ids.subList(0, 4), ids.subList(2, 6), ids.reversed(), ids);
        try (var pool = Executors.newFixedThreadPool(8)) {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> done = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                for (List<Long> batch : batches) {
                    done.add(pool.submit(() -> {
                        start.await();
                        return moderation.approveAll(shop.id(), batch, "owner");
                    }));
                }
            }
            start.countDown();
            int changed = 0;
            for (Future<Integer> each : done) {
                changed += each.get(60, TimeUnit.SECONDS);
            }

            // then each review was published by exactly one of them and credited once
            assertThat(changed).isEqualTo(6);
        }
        assertThat(dsl.fetchCount(
                        POINTS_LEDGER,
                        POINTS_LEDGER.SHOP_ID.eq(shop.id().value()).and(POINTS_LEDGER.KIND.eq("REVIEW"))))
                .isEqualTo(6);
        assertThat(verifier.verify(shop.id(), m -> {}).ok()).isTrue();
    }
}
