package io.loyaltyloop.review;

import java.util.List;
import java.util.Locale;

/**
 * A shop's review rules.
 *
 * @param autoPublish whether reviews that pass {@link #autoPublishMinRating} and the blocked words
 *     are published without the merchant
 * @param blockedWords matched case-insensitively as whole words; a match sends the review to the
 *     merchant
 * @param incentivePoints points for a published review; 0 turns the incentive off
 * @param incentiveMonthlyCap reviews of one customer that earn points per calendar month (shop time)
 */
public record ReviewSettings(
        boolean autoPublish,
        int autoPublishMinRating,
        List<String> blockedWords,
        long incentivePoints,
        int incentiveMonthlyCap) {

    public static final ReviewSettings DEFAULTS = new ReviewSettings(true, 4, List.of(), 50, 5);

    public ReviewSettings {
        if (autoPublishMinRating < 1 || autoPublishMinRating > 5) {
            throw new IllegalArgumentException("the auto-publish rating must be 1 to 5");
        }
        if (incentivePoints < 0 || incentivePoints > 100_000) {
            throw new IllegalArgumentException("the review incentive must be 0 to 100,000 points");
        }
        if (incentiveMonthlyCap < 0 || incentiveMonthlyCap > 1000) {
            throw new IllegalArgumentException("the monthly cap must be 0 to 1,000 reviews");
        }
        if (blockedWords.size() > 500) {
            throw new IllegalArgumentException("at most 500 blocked words");
        }
        blockedWords = blockedWords.stream()
                .map(word -> word.strip().toLowerCase(Locale.ROOT))
                .filter(word -> !word.isEmpty())
                .peek(word -> {
                    if (word.length() > 100) {
                        throw new IllegalArgumentException("a blocked word is limited to 100 characters");
                    }
                })
                .distinct()
                .toList();
    }
}
