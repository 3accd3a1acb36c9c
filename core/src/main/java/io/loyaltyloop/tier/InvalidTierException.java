package io.loyaltyloop.tier;

import java.util.Map;

/** A tier's values break the program's rules; {@link #problems()} says which field and why. */
public class InvalidTierException extends IllegalArgumentException {

    private final Map<String, String> problems;

    public InvalidTierException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    /** Field name → message. */
    public Map<String, String> problems() {
        return problems;
    }
}
