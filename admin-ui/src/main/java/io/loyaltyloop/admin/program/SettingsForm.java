package io.loyaltyloop.admin.program;

import io.loyaltyloop.shop.ProgramSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/** The program settings as typed; the bounds and messages are {@link ProgramSettings}'s. */
record SettingsForm(
        String pendingDays,
        String expiryMonths,
        String tierWindowMonths,
        boolean allowNegativeBalance,
        boolean awardPriorOrders,
        Map<String, String> errors) {

    static SettingsForm of(ProgramSettings s) {
        return new SettingsForm(
                String.valueOf(s.pendingDays()),
                String.valueOf(s.expiryInactivityMonths()),
                String.valueOf(s.tierWindowMonths()),
                s.allowNegativeBalance(),
                s.awardPriorOrders(),
                Map.of());
    }

    static SettingsForm of(
            String pendingDays, String expiryMonths, String tierWindowMonths, String allowNegative, String awardPrior) {
        Map<String, String> errors = new LinkedHashMap<>();
        String pending = FormFields.text(pendingDays);
        String expiry = FormFields.text(expiryMonths);
        String window = FormFields.text(tierWindowMonths);
        FormFields.whole(errors, "pendingDays", pending, 0, 365, "Pending days must be between 0 and 365.");
        FormFields.whole(
                errors,
                "expiryMonths",
                expiry,
                0,
                120,
                "Expiry months must be between 0 and 120 (0 turns expiry off).");
        FormFields.whole(errors, "tierWindowMonths", window, 1, 60, "The tier window must be between 1 and 60 months.");
        return new SettingsForm(
                pending,
                expiry,
                window,
                FormFields.ticked(allowNegative),
                FormFields.ticked(awardPrior),
                Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    ProgramSettings toSettings() {
        return new ProgramSettings(
                Integer.parseInt(pendingDays),
                allowNegativeBalance,
                Integer.parseInt(expiryMonths),
                Integer.parseInt(tierWindowMonths),
                awardPriorOrders);
    }
}
