package io.loyaltyloop.loyalty;

/** What an earning exclusion matches a line on (gift cards are excluded without one). */
public enum ExclusionField {
    SKU,
    PRODUCT_ID,
    VENDOR,
    PRODUCT_TYPE
}
