package io.loyaltyloop.email;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import liqp.TemplateContext;

/**
 * The locale, currency and time zone a render uses, read back by the filters from the variables the
 * renderer always sets: {@code locale} (a language tag) and {@code shop.currency}, {@code
 * shop.timezone}.
 */
record RenderSettings(Locale locale, Currency currency, ZoneId timezone) {

    static RenderSettings of(TemplateContext context) {
        Locale locale = Locale.forLanguageTag(String.valueOf(context.get("locale")));
        Currency currency = Currency.getInstance("USD");
        ZoneId zone = ZoneOffset.UTC;
        if (context.get("shop") instanceof Map<?, ?> shop) {
            try {
                currency = Currency.getInstance(String.valueOf(shop.get("currency")));
            } catch (IllegalArgumentException e) {
                // keep the fallback; the renderer always sets a valid one
            }
            try {
                zone = ZoneId.of(String.valueOf(shop.get("timezone")));
            } catch (DateTimeException e) {
                // keep UTC
            }
        }
        return new RenderSettings(locale, currency, zone);
    }

    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Instant instant(Object value) {
        if (!(value instanceof String s)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s.trim()).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
