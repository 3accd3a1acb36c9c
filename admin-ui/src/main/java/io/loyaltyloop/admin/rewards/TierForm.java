package io.loyaltyloop.admin.rewards;

import io.loyaltyloop.tier.Tier;
import io.loyaltyloop.tier.TierDraft;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The tier form as typed and what is wrong with it; the rules are core's ({@link TierDraft#problems}). */
record TierForm(String name, String minSpend, String multiplier, Map<String, String> errors) {

    static TierForm empty() {
        return new TierForm("", "", "1", Map.of());
    }

    static TierForm of(Tier tier) {
        return new TierForm(
                tier.name(),
                tier.minSpend().stripTrailingZeros().toPlainString(),
                tier.earnMultiplier().stripTrailingZeros().toPlainString(),
                Map.of());
    }

    static TierForm of(String name, String minSpend, String multiplier) {
        String n = name == null ? "" : name.strip();
        String s = FormNumbers.clean(minSpend);
        String m = FormNumbers.clean(multiplier);
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<BigDecimal> spend = FormNumbers.decimal(s);
        if (!s.isEmpty() && spend.isEmpty()) {
            errors.put("minSpend", "Enter the minimum spend as a number such as 500 or 1250.50.");
        }
        Optional<BigDecimal> times = FormNumbers.decimal(m);
        if (!m.isEmpty() && times.isEmpty()) {
            errors.put("multiplier", "Enter the multiplier as a number such as 1.5.");
        }
        TierDraft.problems(n, spend.orElse(null), times.orElse(null)).forEach(errors::putIfAbsent);
        return new TierForm(n, s, m, Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    TierDraft draft() {
        return new TierDraft(name, new BigDecimal(minSpend), new BigDecimal(multiplier));
    }

    TierForm withErrors(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(errors);
        all.putAll(more);
        return new TierForm(name, minSpend, multiplier, Map.copyOf(all));
    }
}
