package io.loyaltyloop.admin.program;

import io.loyaltyloop.loyalty.EarningDryRun;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;

/**
 * The dry run in words. The recent orders keep their points whatever is saved, so the sentence is
 * conditional ("would have earned"); a currency figure only when the shop has a fixed-amount reward
 * to value a point by (the dashboard's value of a point), else points alone.
 */
final class DryRunSentence {

    private static final Locale LOCALE = Locale.US;

    private DryRunSentence() {}

    /** @param liability what the added (or removed) points are worth, if the shop can value a point */
    static String of(EarningDryRun.Result r, Optional<BigDecimal> liability, Currency currency) {
        if (r.orders() == 0) {
            return "No order earned points in the last 90 days, so there is nothing to compare.";
        }
        String orders = r.orders() == 1 ? "1 order" : count(r.orders()) + " orders";
        String earned = "Over the last 90 days, " + orders + " earned " + points(r.currentPoints()) + ".";
        long added = r.addedPoints();
        if (added == 0) {
            return earned + " Under this rule they would have earned the same.";
        }
        String more = added > 0 ? "more" : "fewer";
        String value = liability
                .map(a -> " (≈ " + money(a.abs(), currency) + " of liability " + (added > 0 ? "added" : "removed")
                        + " at your best fixed-amount reward's value per point)")
                .orElse("");
        return earned + " Under this rule they would have earned " + count(r.candidatePoints()) + ": "
                + count(Math.abs(added)) + " " + more + (Math.abs(added) == 1 ? " point" : " points") + value + ".";
    }

    private static String points(long points) {
        return count(points) + (Math.abs(points) == 1 ? " point" : " points");
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(LOCALE).format(value);
    }

    private static String money(BigDecimal amount, Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
        format.setCurrency(currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(amount);
    }
}
