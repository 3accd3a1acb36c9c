package io.loyaltyloop.loyalty;

/** The shop already excludes lines with that field and value; nothing was added. */
public class DuplicateExclusionException extends RuntimeException {

    public DuplicateExclusionException(ExclusionField field, String value) {
        super("lines with " + field + " " + value + " are already excluded");
    }
}
