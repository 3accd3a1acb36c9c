package io.loyaltyloop.admin.dashboard;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * How the dashboard writes numbers: in the server's English locale whatever the browser says, so a
 * figure reads the same for every admin and in every screenshot. Empty values read "No data".
 */
final class Figures {

    static final String NO_DATA = "No data";

    /** en-US: "$" for USD, "€" for EUR, "CA$" for CAD — the symbol Shopify admin shows too. */
    private static final Locale LOCALE = Locale.US;

    private Figures() {}

    static String count(long value) {
        return NumberFormat.getIntegerInstance(LOCALE).format(value);
    }

    static String money(Optional<BigDecimal> amount, Currency currency) {
        return amount.map(a -> {
                    NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
                    format.setCurrency(currency);
                    format.setMinimumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
                    format.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 0));
                    return format.format(a);
                })
                .orElse(NO_DATA);
    }

    /** A fraction as a percentage with at most one decimal: 0.2567 reads "25.7%". */
    static String percent(Optional<BigDecimal> fraction) {
        return fraction.map(f -> new DecimalFormat("#,##0.#%", DecimalFormatSymbols.getInstance(LOCALE)).format(f))
                .orElse(NO_DATA);
    }

    /** A score such as NPS, signed: "+42.5", "−10", "0". */
    static String score(Optional<BigDecimal> score) {
        return score.map(s -> new DecimalFormat("+#,##0.#;−#,##0.#", DecimalFormatSymbols.getInstance(LOCALE))
                        .format(s)
                        .replace("+0", "0"))
                .orElse(NO_DATA);
    }
}
