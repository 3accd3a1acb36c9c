package io.loyaltyloop.loyalty;

/** Lines whose {@code field} equals {@code value} (exactly, case-sensitive) earn nothing. */
public record EarningExclusion(long exclusionId, ExclusionField field, String value) {

    /** The longest value the schema keeps. */
    public static final int MAX_VALUE = 255;
}
