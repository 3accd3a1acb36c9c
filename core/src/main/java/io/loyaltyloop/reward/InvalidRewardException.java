package io.loyaltyloop.reward;

import java.util.Map;

/** A reward's values break the program's rules; {@link #problems()} says which field and why. */
public class InvalidRewardException extends IllegalArgumentException {

    private final Map<String, String> problems;

    public InvalidRewardException(Map<String, String> problems) {
        super(String.join(" ", problems.values()));
        this.problems = Map.copyOf(problems);
    }

    /** Field name → message. */
    public Map<String, String> problems() {
        return problems;
    }
}
