package io.loyaltyloop.loyalty;

/**
 * What happened to one event of a batch.
 *
 * @param error why the event was rejected; null unless {@code outcome} is REJECTED
 */
public record ApplyResult(ApplyOutcome outcome, String error) {

    static final ApplyResult APPLIED = new ApplyResult(ApplyOutcome.APPLIED, null);
    static final ApplyResult DUPLICATE = new ApplyResult(ApplyOutcome.DUPLICATE, null);

    static ApplyResult rejected(RuntimeException e) {
        return new ApplyResult(ApplyOutcome.REJECTED, e.getMessage());
    }
}
