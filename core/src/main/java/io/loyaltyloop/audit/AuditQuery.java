package io.loyaltyloop.audit;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which entries of a shop's audit log to read; every part is optional (null: no condition).
 *
 * @param family an action family: the entries whose action is this word or starts with it and a
 *     dot ({@code review} matches {@code review.approved} and {@code review.settings.updated})
 * @param actorContains part of the actor, any case
 * @param since only entries recorded at or after this instant
 */
public record AuditQuery(String family, String actorContains, Instant since) {

    /** Longest actor fragment searched for; actors are emails or ids, far shorter. */
    public static final int MAX_ACTOR_LENGTH = 200;

    private static final Pattern FAMILY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public static final AuditQuery ALL = new AuditQuery(null, null, null);

    public AuditQuery {
        if (family != null && !FAMILY.matcher(family).matches()) {
            throw new IllegalArgumentException("an action family is one lower-case word, was " + family);
        }
        if (actorContains != null && actorContains.isBlank()) {
            actorContains = null;
        }
        if (actorContains != null && actorContains.length() > MAX_ACTOR_LENGTH) {
            throw new IllegalArgumentException("an actor is at most " + MAX_ACTOR_LENGTH + " characters");
        }
    }
}
