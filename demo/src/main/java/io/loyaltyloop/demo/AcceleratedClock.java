package io.loyaltyloop.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's time: it runs at real speed and, at every real second, jumps forward by the rest of
 * one step ({@code acceleration} demo seconds per real second on average).
 *
 * <p>Jumps rather than a smooth {@code × acceleration}: several checks compare two readings taken a
 * few milliseconds apart against a real-world tolerance (the app proxy's ±90 s signature window, a
 * session token's 10 s leeway, email and issuing leases). Smoothly accelerated 7,200 times, 90 s
 * would be 12 ms of real time, and a busy machine would fail them; with jumps they only fail when
 * the two readings straddle a jump, which a retry of the same action fixes.
 */
public final class AcceleratedClock extends Clock {

    private static final long TICK_NANOS = Duration.ofSeconds(1).toNanos();

    /** From {@code nanos} (System.nanoTime) on, this clock reads {@code instant} plus the time since. */
    private record Origin(Instant instant, long nanos, boolean accelerating) {}

    private final long acceleration;
    private volatile Origin origin;

    /**
     * A clock that reads {@code start} now and runs at real speed until {@link #accelerate()}: the
     * backend boots and the store is installed in a few real seconds, not in days of demo time that
     * would leave the first orders "placed before the app was installed".
     *
     * @param start the demo time now
     * @param acceleration demo seconds per real second once accelerating, at least 1
     */
    public AcceleratedClock(Instant start, long acceleration) {
        if (acceleration < 1) {
            throw new IllegalArgumentException("acceleration must be at least 1, was " + acceleration);
        }
        this.acceleration = acceleration;
        this.origin = new Origin(start, System.nanoTime(), false);
    }

    /** From now on, {@code acceleration} demo seconds pass per real second. */
    public synchronized void accelerate() {
        if (!origin.accelerating()) {
            origin = new Origin(instant(), System.nanoTime(), true);
        }
    }

    public long acceleration() {
        return acceleration;
    }

    @Override
    public Instant instant() {
        Origin from = origin;
        long elapsed = System.nanoTime() - from.nanos();
        if (!from.accelerating()) {
            return from.instant().plusNanos(elapsed);
        }
        long ticks = elapsed / TICK_NANOS;
        return from.instant().plusNanos(elapsed).plusSeconds(ticks * (acceleration - 1));
    }

    /** The real time until this clock shows {@code demoTime} (zero if it already does). */
    public Duration realTimeUntil(Instant demoTime) {
        Duration ahead = Duration.between(instant(), demoTime);
        if (ahead.isNegative()) {
            return Duration.ZERO;
        }
        long speed = origin.accelerating() ? acceleration : 1;
        return Duration.ofMillis(Math.max(1, ahead.toMillis() / speed));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Every user of the engine's clock reads instants; a zoned view is not needed.
        throw new UnsupportedOperationException("the demo clock is UTC only");
    }
}
