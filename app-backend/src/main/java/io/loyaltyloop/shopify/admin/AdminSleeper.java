package io.loyaltyloop.shopify.admin;

import java.time.Duration;

/** How the Admin client waits before a retry; injectable so tests never really wait. */
@FunctionalInterface
public interface AdminSleeper {

    AdminSleeper REAL = duration -> {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyAdminException("interrupted while waiting to retry a Shopify Admin call", e);
        }
    };

    void sleep(Duration duration);
}
