package io.loyaltyloop.review;

/** A product of an order that its customer may review: not a gift card, not refunded in full. */
record ReviewableItem(String productId, String title, Long customerId, boolean reviewed) {}
