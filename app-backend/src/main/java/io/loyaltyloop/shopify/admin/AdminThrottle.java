package io.loyaltyloop.shopify.admin;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How long a throttled query must wait. Shopify's bucket must hold the query's requested cost
 * before it runs and refills at restoreRate points a second, so the wait is the missing points over
 * the rate. The bucket size differs by plan, so it is read from the response, never assumed.
 */
final class AdminThrottle {

    private AdminThrottle() {}

    /** Empty when the response carries no usable cost data; the caller then backs off plainly. */
    static Optional<Duration> waitFor(Map<?, ?> extensions) {
        if (!(extensions.get("cost") instanceof Map<?, ?> cost)
                || !(cost.get("throttleStatus") instanceof Map<?, ?> status)
                || !(cost.get("requestedQueryCost") instanceof Number requested)
                || !(status.get("currentlyAvailable") instanceof Number available)
                || !(status.get("restoreRate") instanceof Number restoreRate)
                || restoreRate.doubleValue() <= 0) {
            return Optional.empty();
        }
        double missing = requested.doubleValue() - available.doubleValue();
        if (missing <= 0) {
            // Refilled between the check and our reading: one point's worth is enough.
            missing = 1;
        }
        return Optional.of(Duration.ofMillis((long) Math.ceil(missing * 1000 / restoreRate.doubleValue())));
    }
}
