package io.loyaltyloop.journey;

import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.email.EmailOutbox;
import io.loyaltyloop.email.EmailTemplates;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.survey.SurveyLinks;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.time.Duration;
import java.time.Instant;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A kind the merchant switched off (the admin's Emails screen) is skipped by the journey: the real
 * outbox refuses it, the dispatcher marks the step SKIPPED and nothing is enqueued.
 */
class SwitchedOffKindDispatchTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    JourneyService journeys;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    EmailTemplates templates;

    @Autowired
    ReviewInvitations reviews;

    @Autowired
    SurveyLinks surveys;

    @Test
    void aSwitchedOffKindIsSkippedAndNeverEnqueued() {
        // given a shop that switched order confirmations off, and a paid order
        Shop shop = Shops.newShop(dsl);
        templates.setEnabled(shop.id(), StepKind.ORDER_CONFIRMED, false);
        Orders paid = order(shop.id()).line("1", "50.00");
        loyalty.apply(paid.paid(Instant.parse("2026-11-01T14:01:00Z")));
        JourneyDispatcher dispatcher = new JourneyDispatcher(
                dsl,
                new MutableClock(Instant.parse("2026-11-01T15:00:00Z")),
                journeys,
                outbox,
                reviews,
                surveys,
                1000,
                Duration.ofDays(3));

        // when the journey dispatches (a few runs: other tests' due steps share the batches)
        for (int run = 0; run < 3; run++) {
            dispatcher.dispatchDue();
        }

        // then the confirmation was skipped, and nothing waits in the outbox
        long orderId = dsl.select(SHOP_ORDER.ORDER_ID)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.id().value()))
                .and(SHOP_ORDER.EXTERNAL_ID.eq(paid.id()))
                .fetchSingle()
                .value1();
        assertThat(journeys.timeline(shop.id(), orderId))
                .filteredOn(s -> s.kind() == StepKind.ORDER_CONFIRMED)
                .singleElement()
                .satisfies(s -> assertThat(s.status()).hasToString("SKIPPED"));
        assertThat(dsl.fetchCount(
                        EMAIL_OUTBOX, EMAIL_OUTBOX.SHOP_ID.eq(shop.id().value())))
                .isZero();
    }
}
