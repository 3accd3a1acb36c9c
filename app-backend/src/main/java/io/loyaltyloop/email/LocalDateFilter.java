package io.loyaltyloop.email;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * {@code {{ shipped_at | date_local }}}: an instant (ISO-8601 text, as the renderer passes every
 * time value) as a date in the shop's time zone, in the recipient's language: "November 3, 2026",
 * "3. November 2026". {@code date_local: "short"}, {@code "medium"}, {@code "long"} (default),
 * {@code "full"}, or {@code "datetime"} (medium date and short time). Anything else is left as is.
 */
final class LocalDateFilter extends Filter {

    LocalDateFilter() {
        super("date_local");
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
        Instant instant = RenderSettings.instant(value);
        if (instant == null) {
            return value;
        }
        RenderSettings settings = RenderSettings.of(context);
        String style = params.length > 0 && params[0] != null
                ? params[0].toString().trim().toLowerCase(Locale.ROOT)
                : "long";
        DateTimeFormatter format = switch (style) {
            case "short" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT);
            case "medium" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
            case "full" -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);
            case "datetime" -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
            default -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG);
        };
        ZonedDateTime local = instant.atZone(settings.timezone());
        return format.withLocale(settings.locale()).format(local);
    }
}
