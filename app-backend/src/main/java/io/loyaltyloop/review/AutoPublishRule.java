package io.loyaltyloop.review;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a new review goes live without the merchant: auto-publish is on, the rating reaches the
 * shop's minimum, and no blocked word appears as a whole word (case-insensitive) in title or body.
 * A blocked phrase of several words matches the same words in sequence.
 */
final class AutoPublishRule {

    /** Words are runs of letters and digits in any script; apostrophes stay inside a word. */
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}']+");

    private AutoPublishRule() {}

    static boolean publishesAtOnce(ReviewSettings settings, int rating, String title, String body) {
        return settings.autoPublish()
                && rating >= settings.autoPublishMinRating()
                && !containsBlockedWord(settings, title)
                && !containsBlockedWord(settings, body);
    }

    static boolean containsBlockedWord(ReviewSettings settings, String text) {
        if (text == null || settings.blockedWords().isEmpty()) {
            return false;
        }
        String words = " " + normalise(text) + " ";
        Set<String> blocked = settings.blockedWords().stream()
                .map(AutoPublishRule::normalise)
                .filter(word -> !word.isEmpty())
                .collect(Collectors.toSet());
        return blocked.stream().anyMatch(word -> words.contains(" " + word + " "));
    }

    private static String normalise(String text) {
        return WORD_SEPARATORS
                .matcher(text.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }
}
