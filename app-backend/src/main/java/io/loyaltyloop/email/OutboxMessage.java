package io.loyaltyloop.email;

import io.loyaltyloop.shop.ShopId;

/**
 * A leased outbox row, with what the sender must re-check at send time: whether the shop is still
 * installed and whether the recipient has unsubscribed since the message was enqueued.
 */
record OutboxMessage(
        ShopId shop,
        long emailId,
        String kind,
        Long customerId,
        String toAddress,
        String toName,
        String fromName,
        String subject,
        String html,
        String text,
        String messageId,
        String unsubscribeUrl,
        int attempts,
        boolean shopActive,
        boolean unsubscribed) {}
