package io.loyaltyloop.shopify.webhook;

import io.loyaltyloop.admin.activity.DeliveryHealth.RetryOutcome;
import io.loyaltyloop.admin.activity.DeliveryHealth.Webhooks;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopId;

/**
 * Another platform's inbox (Broadleaf's), for {@link AdminDeliveryHealth}: the Activity screen shows
 * and retries a shop's parked events whichever host they came from. Topics are that platform's
 * event types.
 */
public interface PlatformInboxHealth {

    Platform platform();

    Webhooks webhooks(ShopId shop, int parkedLimit);

    RetryOutcome retry(ShopId shop, String actor, String topic, String eventId);

    int retryAllParked(ShopId shop, String actor);
}
