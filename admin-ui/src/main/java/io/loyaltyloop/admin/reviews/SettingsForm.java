package io.loyaltyloop.admin.reviews;

import io.loyaltyloop.admin.reviews.ReviewModeration.Settings;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review settings form as typed, and what is wrong with it, field by field. The bounds are the
 * engine's ({@code ReviewSettings} and the {@code review_settings} checks), checked here so that
 * each field gets its own message. Blocked words are one per line (commas separate too).
 */
public record SettingsForm(
        boolean autoPublish,
        String minRating,
        String blockedWords,
        String incentivePoints,
        String monthlyCap,
        Map<String, String> errors) {

    static final int MAX_WORDS = 500;
    static final int MAX_WORD = 100;
    static final long MAX_POINTS = 100_000;
    static final int MAX_CAP = 1000;
    /** Far above 500 words of 100 characters; a bigger body is no form of ours. */
    static final int MAX_WORDS_TEXT = 60_000;

    static SettingsForm of(Settings settings) {
        return new SettingsForm(
                settings.autoPublish(),
                String.valueOf(settings.autoPublishMinRating()),
                String.join("\n", settings.blockedWords()),
                String.valueOf(settings.incentivePoints()),
                String.valueOf(settings.incentiveMonthlyCap()),
                Map.of());
    }

    static SettingsForm of(String autoPublish, String minRating, String words, String points, String cap) {
        Map<String, String> errors = new LinkedHashMap<>();
        String rating = strip(minRating);
        if (number(rating, 1, 5) == null) {
            errors.put("minRating", "Choose a rating from 1 to 5 stars.");
        }
        String wordText = words == null ? "" : words;
        if (wordText.length() > MAX_WORDS_TEXT) {
            errors.put(
                    "blockedWords",
                    "The blocked words are limited to " + MAX_WORDS + " of " + MAX_WORD + " characters.");
        } else {
            List<String> list = words(wordText);
            if (list.size() > MAX_WORDS) {
                errors.put("blockedWords", "At most " + MAX_WORDS + " blocked words.");
            } else if (list.stream().anyMatch(word -> word.length() > MAX_WORD)) {
                errors.put("blockedWords", "A blocked word is limited to " + MAX_WORD + " characters.");
            }
        }
        String incentive = strip(points);
        if (number(incentive, 0, MAX_POINTS) == null) {
            errors.put("incentivePoints", "Enter a whole number of points from 0 (no incentive) to 100,000.");
        }
        String monthly = strip(cap);
        if (number(monthly, 0, MAX_CAP) == null) {
            errors.put("monthlyCap", "Enter a whole number of reviews from 0 to 1,000.");
        }
        boolean on = autoPublish != null && !autoPublish.isBlank();
        return new SettingsForm(on, rating, wordText, incentive, monthly, Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    /** Only for a valid form. */
    Settings settings() {
        return new Settings(
                autoPublish,
                Integer.parseInt(minRating),
                words(blockedWords),
                Long.parseLong(incentivePoints),
                Integer.parseInt(monthlyCap));
    }

    SettingsForm withError(String field, String message) {
        Map<String, String> more = new LinkedHashMap<>(errors);
        more.put(field, message);
        return new SettingsForm(autoPublish, minRating, blockedWords, incentivePoints, monthlyCap, Map.copyOf(more));
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[\\n,]"))
                .map(String::strip)
                .filter(word -> !word.isEmpty())
                .distinct()
                .toList();
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static Long number(String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value);
            return parsed >= min && parsed <= max ? parsed : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
