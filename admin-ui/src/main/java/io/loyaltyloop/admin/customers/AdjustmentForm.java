package io.loyaltyloop.admin.customers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manual adjustment form as typed, and what is wrong with it, field by field. The bounds are the
 * engine's ({@code ManualAdjustment}), checked here too so each field gets its own message.
 */
record AdjustmentForm(String points, String reason, Map<String, String> errors) {

    static final long MAX_POINTS = 10_000_000;
    static final int MAX_REASON = 500;

    static AdjustmentForm empty() {
        return new AdjustmentForm("", "", Map.of());
    }

    static AdjustmentForm of(String points, String reason) {
        String p = points == null ? "" : points.strip();
        String r = reason == null ? "" : reason.strip();
        Map<String, String> errors = new LinkedHashMap<>();
        if (p.isEmpty()) {
            errors.put("points", "Enter the points to add (or a negative number to take away).");
        } else {
            try {
                long value = Long.parseLong(p.startsWith("+") ? p.substring(1) : p);
                if (value == 0) {
                    errors.put("points", "An adjustment must change the balance: enter a number other than 0.");
                } else if (Math.abs(value) > MAX_POINTS) {
                    errors.put("points", "An adjustment is limited to 10,000,000 points either way.");
                }
            } catch (NumberFormatException e) {
                errors.put("points", "Enter a whole number of points, e.g. 100 or -50.");
            }
        }
        if (r.isEmpty()) {
            errors.put("reason", "Give a reason: it is shown in the ledger and the audit log.");
        } else if (r.length() > MAX_REASON) {
            errors.put("reason", "The reason is limited to " + MAX_REASON + " characters.");
        }
        return new AdjustmentForm(p, r, Map.copyOf(errors));
    }

    boolean valid() {
        return errors.isEmpty();
    }

    long pointsValue() {
        return Long.parseLong(points.startsWith("+") ? points.substring(1) : points);
    }

    AdjustmentForm withError(String field, String message) {
        Map<String, String> more = new LinkedHashMap<>(errors);
        more.put(field, message);
        return new AdjustmentForm(points, reason, Map.copyOf(more));
    }
}
