package io.loyaltyloop.system;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import java.util.function.IntSupplier;

/** How the recurring jobs take on a backlog. */
public final class JobRounds {

    private JobRounds() {}

    /**
     * Repeats the round while it comes back full, so a backlog clears in one run instead of one
     * round per interval; stops early when the scheduler shuts down, leaving the rest to the next
     * run.
     *
     * @return how many the rounds took in all
     */
    public static long whileFull(IntSupplier round, int full, ExecutionContext context) {
        long total = 0;
        int done;
        do {
            done = round.getAsInt();
            total += done;
        } while (done >= full && !context.getSchedulerState().isShuttingDown());
        return total;
    }
}
