package io.loyaltyloop.admin.activity;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Audit actions in words for merchants. Actions are dotted, family first ({@code review.approved},
 * {@code program.earning_rule.update}); a known action has its own sentence, another action of a
 * known family is "Family: what verb-ed", and an action of an unknown family is shown as recorded.
 */
final class ActionWords {

    /** The families the filter offers, in the order shown. */
    enum Family {
        POINTS("points", "Points"),
        CUSTOMER("customer", "Customers"),
        PROGRAM("program", "Program"),
        SETTINGS("settings", "Program settings"),
        REWARD("reward", "Rewards"),
        TIER("tier", "Tiers"),
        REVIEW("review", "Reviews"),
        EMAIL("email", "Emails"),
        SHOP("shop", "Shop"),
        ADMIN("admin", "Admin accounts"),
        ACTIVITY("activity", "Deliveries");

        private final String key;
        private final String label;

        Family(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }

        static Optional<Family> ofKey(String key) {
            return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
        }
    }

    static final List<Family> FAMILIES = List.of(Family.values());

    /** Every action recorded today (grep {@code record(}), in words. */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("points.adjusted", "Adjusted a customer's points"),
            Map.entry("customer.exported", "Downloaded a customer's data"),
            Map.entry("settings.updated", "Changed the program settings"),
            Map.entry("shop.uninstalled", "Uninstalled the app"),
            Map.entry("shop.contact_email.updated", "Changed where alerts go"),
            Map.entry("review.approved", "Approved a review"),
            Map.entry("review.rejected", "Rejected a review"),
            Map.entry("review.replied", "Replied to a review"),
            Map.entry("review.settings.updated", "Changed the review settings"),
            Map.entry("activity.retry", "Retried a parked webhook"),
            Map.entry("activity.retry_all", "Retried all parked webhooks"));

    /** Last words of actions, as past tense; anything else is shown with spaces for underscores. */
    private static final Map<String, String> VERBS = Map.ofEntries(
            Map.entry("create", "created"),
            Map.entry("update", "changed"),
            Map.entry("updated", "changed"),
            Map.entry("delete", "deleted"),
            Map.entry("save", "saved"),
            Map.entry("approve", "approved"),
            Map.entry("bulk_approve", "approved in bulk"),
            Map.entry("reject", "rejected"),
            Map.entry("bulk_reject", "rejected in bulk"),
            Map.entry("reply", "replied to"),
            Map.entry("enable", "turned on"),
            Map.entry("disable", "turned off"),
            Map.entry("test_send", "test sent"),
            Map.entry("retry", "retried"),
            Map.entry("retry_all", "all retried"),
            Map.entry("export", "exported"),
            Map.entry("adjust", "adjusted"));

    private ActionWords() {}

    static String of(String action) {
        String known = KNOWN.get(action);
        if (known != null) {
            return known;
        }
        int dot = action.indexOf('.');
        Optional<Family> family = Family.ofKey(dot < 0 ? action : action.substring(0, dot));
        if (family.isEmpty()) {
            return action;
        }
        if (dot < 0 || dot == action.length() - 1) {
            return family.get().label();
        }
        String[] rest = action.substring(dot + 1).split("\\.");
        String last = rest[rest.length - 1];
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < rest.length - 1; i++) {
            words.append(spaced(rest[i])).append(' ');
        }
        words.append(VERBS.getOrDefault(last, spaced(last)));
        return family.get().label() + ": " + words;
    }

    private static String spaced(String word) {
        return word.replace('_', ' ');
    }
}
