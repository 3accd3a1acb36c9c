package io.loyaltyloop.admin.emails;

import java.util.List;
import java.util.Map;

/** A template that does not render on sample data, so it cannot be saved or sent; problems by part. */
public class InvalidDraftException extends RuntimeException {

    private final Map<String, List<String>> problems;

    public InvalidDraftException(Map<String, List<String>> problems) {
        super(problems.toString());
        this.problems = Map.copyOf(problems);
    }

    public Map<String, List<String>> problems() {
        return problems;
    }
}
