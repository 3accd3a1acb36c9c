package io.loyaltyloop.email;

import io.loyaltyloop.shop.ShopId;

/** A rendered message to store in the outbox. */
record NewOutboxMessage(
        ShopId shop,
        String idempotencyKey,
        String kind,
        Long customerId,
        String toAddress,
        String toName,
        String fromName,
        RenderedEmail content,
        String messageId,
        String unsubscribeUrl) {}
