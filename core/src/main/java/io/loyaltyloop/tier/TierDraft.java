package io.loyaltyloop.tier;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tier as the merchant wants it, checked against the program's rules: a name of 1–60 characters;
 * a minimum spend from 0 to 1,000,000,000 in shop currency with at most 4 decimals; an earn
 * multiplier from 1 to 10 with at most 3 decimals.
 *
 * @throws InvalidTierException naming each field that breaks a rule
 */
public record TierDraft(String name, BigDecimal minSpend, BigDecimal earnMultiplier) {

    public static final int MAX_NAME = 60;
    public static final BigDecimal MAX_MIN_SPEND = new BigDecimal("1000000000");

    public TierDraft {
        name = name == null ? null : name.strip();
        Map<String, String> problems = problems(name, minSpend, earnMultiplier);
        if (!problems.isEmpty()) {
            throw new InvalidTierException(problems);
        }
    }

    /** What is wrong with these values, by field ({@code name}, {@code minSpend}, {@code multiplier}). */
    public static Map<String, String> problems(String name, BigDecimal minSpend, BigDecimal multiplier) {
        Map<String, String> problems = new LinkedHashMap<>();
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            problems.put("name", "Give the tier a name.");
        } else if (stripped.length() > MAX_NAME) {
            problems.put("name", "A tier's name is limited to " + MAX_NAME + " characters.");
        }
        if (minSpend == null) {
            problems.put("minSpend", "Enter the spend that reaches this tier (0 for the base tier).");
        } else if (minSpend.signum() < 0 || minSpend.compareTo(MAX_MIN_SPEND) > 0) {
            problems.put("minSpend", "The minimum spend is from 0 to 1,000,000,000.");
        } else if (decimals(minSpend) > 4) {
            problems.put("minSpend", "The minimum spend has at most 4 decimals.");
        }
        if (multiplier == null) {
            problems.put("multiplier", "Enter the earn multiplier, from 1 to 10.");
        } else if (multiplier.compareTo(BigDecimal.ONE) < 0 || multiplier.compareTo(BigDecimal.TEN) > 0) {
            problems.put("multiplier", "The earn multiplier is from 1 to 10.");
        } else if (decimals(multiplier) > 3) {
            problems.put("multiplier", "The earn multiplier has at most 3 decimals.");
        }
        return problems;
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}
