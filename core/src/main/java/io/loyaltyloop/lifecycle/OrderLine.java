package io.loyaltyloop.lifecycle;

import java.math.BigDecimal;

/**
 * One order line.
 *
 * @param amount the line's merchandise amount after all discounts (line and order level), before
 *     tax, in shop money — never presentment currency
 * @param giftCard gift cards never earn points
 */
public record OrderLine(
        String externalLineId,
        String productId,
        String variantId,
        String sku,
        String title,
        String vendor,
        String productType,
        int quantity,
        BigDecimal amount,
        boolean giftCard) {

    public OrderLine {
        Check.id("line id", externalLineId);
        Check.quantity("line quantity", quantity);
        Check.amount("line amount", amount);
    }
}
