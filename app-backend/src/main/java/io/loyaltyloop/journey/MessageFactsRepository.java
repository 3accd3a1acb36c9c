package io.loyaltyloop.journey;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.FULFILLMENT;
import static io.loyaltyloop.db.Tables.JOURNEY_STEP;
import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.db.Tables.REWARD;
import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/** What a due step's email says, read when it is sent (so it is current, not as planned). */
class MessageFactsRepository {

    private final DSLContext dsl;

    MessageFactsRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record Recipient(long customerId, String email, String firstName, String lastName, Locale locale) {}

    record OrderSummary(String name, Long customerId, long points, boolean released, Instant placedAt) {}

    /** @param lastMovement the host's time of the fulfillment's latest update */
    record Tracking(String company, String number, String url, Instant lastMovement) {}

    record Reward(String name, long pointsCost, boolean active) {}

    record Points(long available, Instant expiresAt) {}

    String shopName(ShopId shop) {
        return dsl.select(SHOP.NAME)
                .from(SHOP)
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .fetchSingle(SHOP.NAME);
    }

    /** Where merchant alerts go; empty when the shop has no address on file. */
    Optional<String> contactEmail(ShopId shop) {
        return dsl.select(SHOP.CONTACT_EMAIL)
                .from(SHOP)
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .fetchOptional(SHOP.CONTACT_EMAIL);
    }

    /**
     * The storefront's customer account page, where points are seen and rewards redeemed: a Shopify
     * store's {@code /account} (its myshopify.com domain redirects to the primary domain); null for
     * a host whose storefront address we do not know (Broadleaf): empty, which the templates leave out.
     */
    String accountUrl(ShopId shop) {
        return dsl.select(SHOP.PLATFORM, SHOP.PLATFORM_SHOP_KEY)
                .from(SHOP)
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .fetchOptional(r -> "SHOPIFY".equals(r.value1()) ? "https://" + r.value2() + "/account" : "")
                .orElse("");
    }

    Optional<Reward> reward(ShopId shop, long rewardId) {
        return dsl.select(REWARD.NAME, REWARD.POINTS_COST, REWARD.ACTIVE)
                .from(REWARD)
                .where(REWARD.SHOP_ID.eq(shop.value()))
                .and(REWARD.REWARD_ID.eq(rewardId))
                .fetchOptional(r -> new Reward(r.value1(), r.value2(), r.value3()));
    }

    Optional<OrderSummary> order(ShopId shop, long orderId) {
        return dsl.select(
                        SHOP_ORDER.ORDER_NAME,
                        SHOP_ORDER.CUSTOMER_ID,
                        SHOP_ORDER.POINTS_NET,
                        SHOP_ORDER.RELEASED_AT,
                        SHOP_ORDER.PLACED_AT)
                .from(SHOP_ORDER)
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(SHOP_ORDER.ORDER_ID.eq(orderId))
                .fetchOptional(r -> new OrderSummary(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4() != null,
                        r.value5() == null ? null : r.value5().toInstant()));
    }

    /** The customer's address, unless unknown or the customer was redacted. */
    Optional<Recipient> recipient(ShopId shop, long customerId) {
        return dsl.select(CUSTOMER.EMAIL, CUSTOMER.FIRST_NAME, CUSTOMER.LAST_NAME, CUSTOMER.LOCALE)
                .from(CUSTOMER)
                .where(CUSTOMER.SHOP_ID.eq(shop.value()))
                .and(CUSTOMER.CUSTOMER_ID.eq(customerId))
                .and(CUSTOMER.REDACTED_AT.isNull())
                .and(CUSTOMER.EMAIL.isNotNull())
                .and(CUSTOMER.EMAIL.ne(""))
                .fetchOptional(r -> new Recipient(
                        customerId,
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4() == null
                                ? Locale.ENGLISH
                                : Locale.forLanguageTag(r.value4().replace('_', '-'))));
    }

    Optional<Tracking> tracking(ShopId shop, long orderId, String fulfillmentId) {
        return dsl.select(
                        FULFILLMENT.TRACKING_COMPANY,
                        FULFILLMENT.TRACKING_NUMBER,
                        FULFILLMENT.TRACKING_URL,
                        FULFILLMENT.SOURCE_UPDATED_AT)
                .from(FULFILLMENT)
                .where(FULFILLMENT.SHOP_ID.eq(shop.value()))
                .and(FULFILLMENT.ORDER_ID.eq(orderId))
                .and(FULFILLMENT.EXTERNAL_FULFILLMENT_ID.eq(fulfillmentId))
                .fetchOptional(r -> new Tracking(r.value1(), r.value2(), r.value3(), instant(r.value4())));
    }

    Optional<Points> points(ShopId shop, long customerId) {
        return dsl.select(POINTS_ACCOUNT.AVAILABLE, POINTS_ACCOUNT.EXPIRES_AT)
                .from(POINTS_ACCOUNT)
                .where(POINTS_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(customerId))
                .fetchOptional(r -> new Points(r.value1(), instant(r.value2())));
    }

    /** Whether the step of that subject and kind was sent (the reminder follows a sent request only). */
    boolean sent(ShopId shop, String subject, String kind) {
        return dsl.fetchExists(
                JOURNEY_STEP,
                JOURNEY_STEP
                        .SHOP_ID
                        .eq(shop.value())
                        .and(JOURNEY_STEP.SUBJECT.eq(subject))
                        .and(JOURNEY_STEP.KIND.eq(kind))
                        .and(JOURNEY_STEP.STATUS.eq("SENT")));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
