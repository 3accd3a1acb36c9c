package io.loyaltyloop.admin.program;

import io.loyaltyloop.journey.InvalidJourneySettingsException;
import io.loyaltyloop.journey.JourneySettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The journey's timing as typed: every delay in whole days (0–365), the stuck-shipment threshold in
 * whole hours (1–8760, carriers go quiet for hours, not days), the survey kind and quiet hours.
 * {@code notes} names values now in force that are not whole days or hours (an operator's default
 * such as 10 seconds for a demo): the field shows them rounded, and saving stores the rounded value.
 */
record JourneyForm(
        Map<String, String> values,
        String surveyKind,
        boolean quietHours,
        Map<String, String> notes,
        Map<String, String> errors) {

    static final long DAY = Duration.ofDays(1).toSeconds();
    static final long HOUR = Duration.ofHours(1).toSeconds();

    static JourneyForm of(JourneySettings s) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        shown(values, notes, "reviewDays", s.reviewDelay(), DAY);
        shown(values, notes, "fallbackDays", s.reviewFallbackDelay(), DAY);
        shown(values, notes, "reminderDays", s.reminderDelay(), DAY);
        shown(values, notes, "surveyDays", s.surveyDelay(), DAY);
        shown(values, notes, "expiryWarningDays", s.expiryWarning(), DAY);
        shown(values, notes, "lastChanceDays", s.lastChance(), DAY);
        shown(values, notes, "stuckHours", s.stuckAfter(), HOUR);
        return new JourneyForm(Map.copyOf(values), s.surveyKind().name(), s.quietHours(), Map.copyOf(notes), Map.of());
    }

    static JourneyForm of(Map<String, String> params) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : new String[] {
            "reviewDays", "fallbackDays", "reminderDays", "surveyDays", "expiryWarningDays", "lastChanceDays"
        }) {
            values.put(field, FormFields.text(params.get(field)));
            FormFields.whole(errors, field, values.get(field), 0, 365, "Enter a whole number of days from 0 to 365.");
        }
        values.put("stuckHours", FormFields.text(params.get("stuckHours")));
        FormFields.whole(
                errors,
                "stuckHours",
                values.get("stuckHours"),
                1,
                365 * 24,
                "Enter a whole number of hours from 1 to 8760.");
        String kind = FormFields.text(params.get("surveyKind"));
        FormFields.choice(errors, "surveyKind", JourneySettings.SurveyKind.class, kind, "Choose NPS or CSAT.");
        JourneyForm form = new JourneyForm(
                Map.copyOf(values), kind, FormFields.ticked(params.get("quietHours")), Map.of(), Map.of());
        if (errors.isEmpty()) {
            try {
                form.toSettings();
            } catch (InvalidJourneySettingsException e) {
                // The one rule between fields: the last chance comes after (closer to expiry than) the first warning.
                errors.put(
                        "lastChanceDays",
                        "The last chance warning must be at most as many days before expiry as the first warning.");
            }
        }
        return new JourneyForm(form.values, kind, form.quietHours, Map.of(), Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    JourneySettings toSettings() {
        return new JourneySettings(
                days("reviewDays"),
                days("fallbackDays"),
                days("reminderDays"),
                days("surveyDays"),
                JourneySettings.SurveyKind.valueOf(surveyKind),
                days("expiryWarningDays"),
                days("lastChanceDays"),
                Duration.ofHours(Long.parseLong(values.get("stuckHours"))),
                quietHours);
    }

    private Duration days(String field) {
        return Duration.ofDays(Long.parseLong(values.get(field)));
    }

    private static void shown(
            Map<String, String> values, Map<String, String> notes, String field, Duration d, long unit) {
        long seconds = d.toSeconds();
        long rounded = Math.max(field.equals("stuckHours") ? 1 : 0, Math.round((double) seconds / unit));
        values.put(field, String.valueOf(rounded));
        if (seconds % unit != 0) {
            notes.put(
                    field,
                    "Now " + d.toString().substring(2).toLowerCase() + "; saving sets whole "
                            + (unit == DAY ? "days." : "hours."));
        }
    }
}
