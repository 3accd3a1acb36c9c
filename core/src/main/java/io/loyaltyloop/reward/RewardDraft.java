package io.loyaltyloop.reward;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reward as the merchant wants it, checked against the program's rules: a name of 1–80
 * characters; a fixed amount above 0 and at most 1,000,000 in shop currency with at most 4
 * decimals; a percentage from 1 to 100 (whole or with up to 4 decimals); free shipping without a
 * value; a cost from 1 to 10,000,000 points.
 *
 * @throws InvalidRewardException naming each field that breaks a rule
 */
public record RewardDraft(String name, RewardKind kind, BigDecimal discountValue, long pointsCost) {

    public static final int MAX_NAME = 80;
    public static final long MAX_COST = 10_000_000;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000");
    public static final int MAX_DECIMALS = 4;

    public RewardDraft {
        name = name == null ? null : name.strip();
        Map<String, String> problems = problems(name, kind, discountValue, pointsCost);
        if (!problems.isEmpty()) {
            throw new InvalidRewardException(problems);
        }
    }

    /** What is wrong with these values, by field ({@code name}, {@code kind}, {@code value}, {@code cost}). */
    public static Map<String, String> problems(String name, RewardKind kind, BigDecimal value, long pointsCost) {
        Map<String, String> problems = new LinkedHashMap<>();
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            problems.put("name", "Give the reward a name.");
        } else if (stripped.length() > MAX_NAME) {
            problems.put("name", "A reward's name is limited to " + MAX_NAME + " characters.");
        }
        if (kind == null) {
            problems.put("kind", "Choose what the reward gives.");
        } else {
            String valueProblem = valueProblem(kind, value);
            if (valueProblem != null) {
                problems.put("value", valueProblem);
            }
        }
        if (pointsCost < 1 || pointsCost > MAX_COST) {
            problems.put("cost", "The cost is a whole number of points from 1 to 10,000,000.");
        }
        return problems;
    }

    private static String valueProblem(RewardKind kind, BigDecimal value) {
        return switch (kind) {
            case FREE_SHIPPING -> value == null ? null : "Free shipping has no amount or percentage: leave it empty.";
            case FIXED_AMOUNT -> {
                if (value == null) {
                    yield "Enter the amount off, in the shop's currency.";
                }
                if (value.signum() <= 0 || value.compareTo(MAX_AMOUNT) > 0) {
                    yield "The amount off is above 0 and at most 1,000,000.";
                }
                yield decimals(value) > MAX_DECIMALS ? "The amount off has at most 4 decimals." : null;
            }
            case PERCENTAGE -> {
                if (value == null) {
                    yield "Enter the percentage off, from 1 to 100.";
                }
                if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                    yield "The percentage off is from 1 to 100.";
                }
                yield decimals(value) > MAX_DECIMALS ? "The percentage off has at most 4 decimals." : null;
            }
        };
    }

    private static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }
}
