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

    private final Instant start;
    private final long acceleration;
    private final long originNanos;

    /**
     * @param start the demo time now
     * @param acceleration demo seconds per real second, at least 1
     */
    public AcceleratedClock(Instant start, long acceleration) {
        if (acceleration < 1) {
            throw new IllegalArgumentException("acceleration must be at least 1, was " + acceleration);
        }
        this.start = start;
        this.acceleration = acceleration;
        this.originNanos = System.nanoTime();
    }

    public long acceleration() {
        return acceleration;
    }

    @Override
    public Instant instant() {
        long elapsed = System.nanoTime() - originNanos;
        long ticks = elapsed / TICK_NANOS;
        return start.plusNanos(elapsed).plusSeconds(ticks * (acceleration - 1));
    }

    /** The real time until this clock shows {@code demoTime} (zero if it already does). */
    public Duration realTimeUntil(Instant demoTime) {
        Duration ahead = Duration.between(instant(), demoTime);
        if (ahead.isNegative()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.max(1, ahead.toMillis() / acceleration));
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
