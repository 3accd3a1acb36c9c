package io.loyaltyloop.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time of this JVM and of the PostgreSQL server (postmaster and its live children), to split a
 * run's CPU between the engine and the database. Children that exited during the run (short-lived
 * autovacuum workers) are not counted, so the database figure is a lower bound.
 */
public final class CpuMeter {

    private final Optional<ProcessHandle> postmaster;

    public CpuMeter(Optional<Long> postmasterPid) {
        this.postmaster = postmasterPid.flatMap(ProcessHandle::of);
    }

    public record Sample(long wallNanos, Duration jvm, Duration postgres) {

        public Sample minus(Sample earlier) {
            return new Sample(wallNanos - earlier.wallNanos, jvm.minus(earlier.jvm), postgres.minus(earlier.postgres));
        }
    }

    public Sample sample() {
        Duration jvm = cpu(ProcessHandle.current());
        Duration pg = postmaster
                .map(pm -> Stream.concat(Stream.of(pm), pm.descendants())
                        .map(CpuMeter::cpu)
                        .reduce(Duration.ZERO, Duration::plus))
                .orElse(Duration.ZERO);
        return new Sample(System.nanoTime(), jvm, pg);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
