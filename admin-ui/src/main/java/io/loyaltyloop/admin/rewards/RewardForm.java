package io.loyaltyloop.admin.rewards;

import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.reward.RewardDraft;
import io.loyaltyloop.reward.RewardKind;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reward form as typed and what is wrong with it, field by field. Reading the text is done
 * here; the rules are core's ({@link RewardDraft#problems}), so the screen and the engine agree.
 */
record RewardForm(String name, String kind, String value, String cost, Map<String, String> errors) {

    static RewardForm empty() {
        return new RewardForm("", RewardKind.FIXED_AMOUNT.name(), "", "", Map.of());
    }

    static RewardForm of(Reward reward) {
        return new RewardForm(
                reward.name(),
                reward.kind().name(),
                reward.discountValue() == null
                        ? ""
                        : reward.discountValue().stripTrailingZeros().toPlainString(),
                Long.toString(reward.pointsCost()),
                Map.of());
    }

    static RewardForm of(String name, String kind, String value, String cost) {
        String n = name == null ? "" : name.strip();
        String k = FormNumbers.clean(kind);
        String v = FormNumbers.clean(value);
        String c = FormNumbers.clean(cost);
        Map<String, String> errors = new LinkedHashMap<>();
        RewardKind parsedKind = kindOf(k);
        BigDecimal parsedValue = null;
        if (!v.isEmpty()) {
            Optional<BigDecimal> number = FormNumbers.decimal(v);
            if (number.isEmpty()) {
                errors.put("value", "Enter a number such as 5 or 12.50 (digits and a decimal point only).");
            }
            parsedValue = number.orElse(null);
        }
        Optional<Long> parsedCost = FormNumbers.whole(c);
        if (parsedCost.isEmpty()) {
            errors.put(
                    "cost",
                    c.isEmpty()
                            ? "Enter the cost in points."
                            : "Enter the cost as a whole number of points, e.g. 500.");
        }
        // Text that is not a number already has its message; the rules say the rest.
        RewardDraft.problems(n, parsedKind, parsedValue, parsedCost.orElse(1L)).forEach(errors::putIfAbsent);
        return new RewardForm(n, k, v, c, Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    RewardDraft draft() {
        return new RewardDraft(
                name,
                RewardKind.valueOf(kind),
                value.isEmpty() ? null : new BigDecimal(value),
                Long.parseLong(cost.replaceFirst("^0+(?=.)", "")));
    }

    private static RewardKind kindOf(String kind) {
        for (RewardKind candidate : RewardKind.values()) {
            if (candidate.name().equals(kind)) {
                return candidate;
            }
        }
        return null;
    }
}
