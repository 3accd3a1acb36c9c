package io.loyaltyloop.admin.program;

import io.loyaltyloop.loyalty.EarningRule;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.Rounding;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The spend rule as typed: points per unit of shop currency and the rounding. The bounds are the
 * schema's and the engine's (above 0, at most 10000, at most 4 decimals), checked here so that each
 * field gets its own message.
 */
record EarningForm(String pointsPerUnit, String rounding, Map<String, String> errors) {

    static final BigDecimal MAX_RATE = BigDecimal.valueOf(10_000);

    static EarningForm of(EarningRule rule) {
        return new EarningForm(
                rule.pointsPerUnit().stripTrailingZeros().toPlainString(),
                rule.rounding().name(),
                Map.of());
    }

    static EarningForm of(String pointsPerUnit, String rounding) {
        String rate = FormFields.text(pointsPerUnit);
        String mode = FormFields.text(rounding);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal value = parse(rate);
        if (value == null) {
            errors.put("pointsPerUnit", "Enter a number of points, e.g. 1 or 2.5.");
        } else if (value.signum() <= 0) {
            errors.put("pointsPerUnit", "Points per unit must be more than 0.");
        } else if (value.compareTo(MAX_RATE) > 0) {
            errors.put("pointsPerUnit", "Points per unit can be at most 10,000.");
        } else if (value.stripTrailingZeros().scale() > EarningService.MAX_DECIMALS) {
            errors.put("pointsPerUnit", "Use at most 4 decimals, e.g. 0.0125.");
        }
        FormFields.choice(errors, "rounding", Rounding.class, mode, "Choose how fractions of a point are rounded.");
        return new EarningForm(rate, mode, Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    BigDecimal rate() {
        return new BigDecimal(pointsPerUnit);
    }

    Rounding roundingMode() {
        return Rounding.valueOf(rounding);
    }

    private static BigDecimal parse(String text) {
        // Plain decimals only: no exponent ("1e3"), no grouping, at most 20 characters.
        if (text.isEmpty() || text.length() > 20 || !text.matches("[+-]?\\d*(\\.\\d*)?") || !text.matches(".*\\d.*")) {
            return null;
        }
        return new BigDecimal(text);
    }
}
