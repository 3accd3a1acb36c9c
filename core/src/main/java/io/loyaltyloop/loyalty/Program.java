package io.loyaltyloop.loyalty;

import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.shop.ProgramSettings;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.tier.TierLadder;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything about a shop's program that applying an event needs, read once per shop per
 * transaction: the shop, its settings, the active spend rule, exclusions and tiers.
 */
record Program(
        Shop shop,
        ProgramSettings settings,
        BigDecimal pointsPerUnit,
        Rounding rounding,
        List<Exclusion> exclusions,
        TierLadder ladder) {

    /** A line earns unless it is a gift card or matches one of the shop's exclusions. */
    boolean eligible(OrderLine line) {
        return !line.giftCard() && exclusions.stream().noneMatch(e -> e.matches(line));
    }

    EarningTerms termsWith(BigDecimal multiplier) {
        return new EarningTerms(pointsPerUnit, rounding, multiplier);
    }

    ExpiryClock expiry() {
        return ExpiryClock.of(shop, settings);
    }

    record Exclusion(String field, String value) {

        boolean matches(OrderLine line) {
            String actual = switch (field) {
                case "SKU" -> line.sku();
                case "PRODUCT_ID" -> line.productId();
                case "VENDOR" -> line.vendor();
                case "PRODUCT_TYPE" -> line.productType();
                default -> throw new IllegalStateException("unknown exclusion field " + field);
            };
            return value.equals(actual);
        }
    }
}
