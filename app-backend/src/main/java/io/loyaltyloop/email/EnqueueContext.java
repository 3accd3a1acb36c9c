package io.loyaltyloop.email;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;

/**
 * Everything enqueueing needs to know, read in one query: the shop (installed? name, currency, time
 * zone), whether the key was used before, whether the recipient unsubscribed, and the shop's own
 * template row for the kind.
 */
record EnqueueContext(
        boolean shopActive,
        String shopName,
        Currency currency,
        ZoneId timezone,
        boolean duplicate,
        boolean unsubscribed,
        Optional<EmailTemplateRepository.ShopTemplate> template) {}
