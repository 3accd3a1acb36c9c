package io.loyaltyloop.email;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import liqp.TemplateContext;
import liqp.filters.Filter;

/**
 * {@code {{ amount | money }}}: the amount in the shop's currency, formatted for the recipient's
 * locale ({@code 1.234,50 €} in German, {@code €1,234.50} in English); {@code money: "USD"} names
 * another currency. A value that is not a number is left as it is.
 */
final class MoneyFilter extends Filter {

    MoneyFilter() {
        super("money");
    }

    @Override
    public Object apply(Object value, TemplateContext context, Object... params) {
        BigDecimal amount = RenderSettings.decimal(value);
        if (amount == null) {
            return value;
        }
        RenderSettings settings = RenderSettings.of(context);
        Currency currency = settings.currency();
        if (params.length > 0 && params[0] != null) {
            try {
                currency = Currency.getInstance(params[0].toString().trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // an unknown code: keep the shop's currency rather than failing the email
            }
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(settings.locale());
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(amount);
    }
}
