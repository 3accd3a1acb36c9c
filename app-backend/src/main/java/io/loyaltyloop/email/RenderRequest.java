package io.loyaltyloop.email;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * What a template is rendered with: the shop (name, currency and time zone for {@code money} and
 * {@code date_local}), the recipient's locale, the unsubscribe link for customer emails (null for
 * the merchant's), and the caller's variables.
 */
record RenderRequest(
        String shopName,
        Currency currency,
        ZoneId timezone,
        Locale locale,
        String unsubscribeUrl,
        Map<String, Object> variables) {}
