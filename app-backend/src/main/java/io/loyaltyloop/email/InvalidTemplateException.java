package io.loyaltyloop.email;

import java.util.List;

/** A merchant's template that cannot be saved; {@link #problems()} says why, one sentence each. */
public class InvalidTemplateException extends RuntimeException {

    private final List<String> problems;

    InvalidTemplateException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
