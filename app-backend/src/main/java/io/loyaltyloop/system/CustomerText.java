package io.loyaltyloop.system;

/**
 * Free text that customers type into our pages (review title and body, names, survey comments):
 * stored as given, escaped on output, but never with control characters, which no keyboard types
 * and which can corrupt logs, feeds and terminal output downstream.
 */
public final class CustomerText {

    private CustomerText() {}

    /** Trimmed, line breaks as {@code \n}; null when blank. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        return normalised.isEmpty() ? null : normalised;
    }

    /**
     * Whether the text holds a control character (Unicode category Cc, and the line and paragraph
     * separators); {@code multiline} allows line breaks and tabs.
     */
    public static boolean hasControlCharacters(String text, boolean multiline) {
        if (text == null) {
            return false;
        }
        return text.codePoints().anyMatch(c -> {
            if (multiline && (c == '\n' || c == '\t')) {
                return false;
            }
            return Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029;
        });
    }

    /** Length in characters as a person counts them (code points, not UTF-16 units). */
    public static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
