package io.loyaltyloop.shopify.sync;

import io.loyaltyloop.reward.RewardService;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;

/** A {@link RewardIssuer} whose Shopify is a {@link ShopifyAdminStub}, for tests outside this package. */
public final class StubbedRewardIssuer {

    private static final RewardIssuingProperties PROPERTIES = new RewardIssuingProperties(
            true, Duration.ofSeconds(10), 20, Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofHours(1), 3);

    /** Shopify's answer to {@code discountCodeBasicCreate} when it creates the code. */
    public static final String CREATED = AdminDiscountCodesTest.CREATED;

    private StubbedRewardIssuer() {}

    public static RewardIssuer of(DSLContext dsl, RewardService rewards, ShopifyAdminStub shopify, Clock clock) {
        return new RewardIssuer(
                dsl,
                rewards,
                new ShopService(dsl, clock),
                new AdminDiscountCodes(shopify.client()),
                PROPERTIES,
                clock,
                Executors.newVirtualThreadPerTaskExecutor());
    }
}
