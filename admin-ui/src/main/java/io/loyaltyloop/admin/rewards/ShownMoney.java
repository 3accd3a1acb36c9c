package io.loyaltyloop.admin.rewards;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/** Amounts in the shop's currency, as the admin shows them (en-US, like the dashboard). */
final class ShownMoney {

    private ShownMoney() {}

    static String of(BigDecimal amount, Currency currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        // Keep up to 4 decimals when the merchant entered them; show whole amounts as the currency does.
        format.setMaximumFractionDigits(Math.max(currency.getDefaultFractionDigits(), 4));
        return format.format(amount);
    }
}
