package io.loyaltyloop.loyalty;

import io.loyaltyloop.shop.ShopId;
import java.util.Objects;

/**
 * A store admin's change to a customer's available points.
 *
 * @param points positive to credit, negative to debit; never zero
 * @param reason why, shown in the ledger and the audit log; required
 * @param actor who, e.g. the staff member's email; required
 */
public record ManualAdjustment(ShopId shop, String externalCustomerId, long points, String reason, String actor) {

    public ManualAdjustment {
        Objects.requireNonNull(shop, "shop");
        if (externalCustomerId == null || externalCustomerId.isBlank()) {
            throw new IllegalArgumentException("customer id is required");
        }
        if (points == 0) {
            throw new IllegalArgumentException("an adjustment must change the balance");
        }
        if (Math.abs(points) > 10_000_000) {
            throw new IllegalArgumentException("an adjustment is limited to 10,000,000 points");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an adjustment needs a reason");
        }
        if (reason.length() > 500) {
            throw new IllegalArgumentException("the reason is limited to 500 characters");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an adjustment needs an actor");
        }
        reason = reason.strip();
    }
}
