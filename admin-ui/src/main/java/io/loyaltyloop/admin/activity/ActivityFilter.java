package io.loyaltyloop.admin.activity;

import io.loyaltyloop.audit.AuditQuery;
import java.time.Duration;
import java.time.Instant;

/**
 * The audit log's query parameters, validated: {@code action} one of {@link ActionWords.Family}'s
 * keys, {@code actor} at most {@value AuditQuery#MAX_ACTOR_LENGTH} characters, {@code days} a whole
 * number from 1 to {@value #MAX_DAYS}, {@code before} a positive entry id. Blank means no condition.
 *
 * @param days null for all time
 * @param before the paging cursor, null for the newest entries
 */
record ActivityFilter(String action, String actor, Integer days, Long before) {

    static final int MAX_DAYS = 365;

    /** @throws BadActivityRequestException naming the parameter */
    static ActivityFilter parse(String action, String actor, String days, String before) {
        String family = blank(action) ? null : action.strip();
        if (family != null && ActionWords.Family.ofKey(family).isEmpty()) {
            throw new BadActivityRequestException("action must be one of the listed kinds of action");
        }
        String who = blank(actor) ? null : actor.strip();
        if (who != null && who.length() > AuditQuery.MAX_ACTOR_LENGTH) {
            throw new BadActivityRequestException("actor is limited to " + AuditQuery.MAX_ACTOR_LENGTH + " characters");
        }
        Integer period = blank(days) ? null : (int) number("days", days, 1, MAX_DAYS);
        Long cursor = blank(before) ? null : number("before", before, 1, Long.MAX_VALUE);
        return new ActivityFilter(family, who, period, cursor);
    }

    AuditQuery query(Instant now) {
        return new AuditQuery(action, actor, days == null ? null : now.minus(Duration.ofDays(days)));
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below, as every other bad value
        }
        throw new BadActivityRequestException(name + " must be a whole number from " + min + " to " + max);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
