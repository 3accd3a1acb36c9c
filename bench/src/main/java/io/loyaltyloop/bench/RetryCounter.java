package io.loyaltyloop.bench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the engine's transaction retries (deadlock or serialization failure), which
 * {@code io.loyaltyloop.system.Transactions} logs at DEBUG; wired in logback.xml.
 */
public final class RetryCounter extends AppenderBase<ILoggingEvent> {

    private static final LongAdder RETRIES = new LongAdder();

    public static long retries() {
        return RETRIES.sum();
    }

    public static void reset() {
        RETRIES.reset();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getMessage() != null && event.getMessage().startsWith("transaction aborted")) {
            RETRIES.increment();
        }
    }
}
