package io.loyaltyloop.admin.reviews;

/**
 * The merchant's rejection reasons and replies, checked as the engine will ({@code ReviewService}:
 * trimmed, line breaks as {@code \n}, no control characters but line breaks and tabs), so that a
 * refusal is a message next to the field rather than an error. Each method answers the problem, or
 * null when the text is fine.
 */
final class ModerationText {

    static final int MAX_REASON = 500;
    static final int MAX_REPLY = 5000;

    private ModerationText() {}

    static String reasonProblem(String reason) {
        String text = normalised(reason);
        if (text.isEmpty()) {
            return "Give a reason for rejecting: it is kept with the review.";
        }
        // The engine counts UTF-16 units here: the stricter count, so that nothing it refuses gets past.
        if (text.length() > MAX_REASON) {
            return "The reason is limited to " + MAX_REASON + " characters.";
        }
        return controlCharacters(text) ? "The reason holds control characters, which can't be stored." : null;
    }

    /** A blank reply is no problem: it removes the reply. */
    static String replyProblem(String reply) {
        String text = normalised(reply);
        if (text.codePointCount(0, text.length()) > MAX_REPLY) {
            return "A reply is limited to " + MAX_REPLY + " characters.";
        }
        return controlCharacters(text) ? "The reply holds control characters, which can't be stored." : null;
    }

    private static String normalised(String text) {
        return text == null
                ? ""
                : text.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static boolean controlCharacters(String text) {
        return text.codePoints()
                .filter(c -> c != '\n' && c != '\t')
                .anyMatch(c -> Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029);
    }
}
