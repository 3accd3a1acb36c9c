package io.loyaltyloop.shop;

/** The host store a tenant lives in. */
public enum Platform {
    SHOPIFY,
    BROADLEAF
}
