package io.loyaltyloop.system;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs engine work in one database transaction, retrying the whole unit when PostgreSQL aborts it
 * for a deadlock or serialization failure. Nested calls join the outer transaction, so a facade can
 * call another facade without savepoints, and only the outermost call retries.
 *
 * <p>Works with both jOOQ's {@code ThreadLocalTransactionProvider} (plain use, tests) and Spring's
 * transaction provider (the backend): repositories use the same {@link DSLContext} and see the
 * transaction's connection.
 */
public final class Transactions {

    private static final Logger log = LoggerFactory.getLogger(Transactions.class);
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");
    private static final int MAX_ATTEMPTS = 8;
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> false);

    private final DSLContext dsl;

    public Transactions(DSLContext dsl) {
        this.dsl = dsl;
    }

    public <T> T inTransaction(Supplier<T> work) {
        if (ACTIVE.get()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            ACTIVE.set(true);
            try {
                return dsl.transactionResult(configuration -> work.get());
            } catch (RuntimeException e) {
                // Any exception type: jOOQ's own, or Spring's when the backend translates them.
                if (attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
                    throw e;
                }
                log.debug("transaction aborted ({}), retrying, attempt {}", e.getMessage(), attempt);
                backOff(attempt);
            } finally {
                ACTIVE.set(false);
            }
        }
    }

    public void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static boolean isRetryable(RuntimeException e) {
        return RETRYABLE_STATES.stream().anyMatch(state -> hasSqlState(e, state));
    }

    /** Whether {@code e} or one of its causes is an {@link SQLException} with that SQLSTATE. */
    public static boolean hasSqlState(Throwable e, String sqlState) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void backOff(int attempt) {
        try {
            // Jittered, growing pause so that the transactions that collided do not collide again.
            Thread.sleep((long) (Math.random() * 5 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }
}
