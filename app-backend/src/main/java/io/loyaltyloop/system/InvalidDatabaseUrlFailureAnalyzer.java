package io.loyaltyloop.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad DATABASE_URL into Boot's short "APPLICATION FAILED TO START" report. */
class InvalidDatabaseUrlFailureAnalyzer extends AbstractFailureAnalyzer<InvalidDatabaseUrlException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidDatabaseUrlException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Fix " + DatabaseUrl.VARIABLE + ", or unset it to use the embedded PostgreSQL.",
                cause);
    }
}
