package io.loyaltyloop.journey;

import io.loyaltyloop.email.EmailOutbox;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.survey.SurveyLinks;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the journey's due steps: leases a batch, and for each step, in one transaction under the
 * step's row lock, re-checks its conditions, enqueues its email in the outbox (idempotency key = the
 * step's key) and marks it SENT — or SKIPPED with the reason (e.g. tracking news too late to be news),
 * or moves it out of quiet hours. Safe
 * on several instances: leases keep them apart, the row lock and the PLANNED check make a step go
 * once even when a lease runs out mid-send. Meant to run as a recurring task.
 */
public class JourneyDispatcher {

    private static final Logger log = LoggerFactory.getLogger(JourneyDispatcher.class);

    private final Clock clock;
    private final Transactions transactions;
    private final JourneyService journeys;
    private final StepMessages messages;
    private final EmailOutbox outbox;
    private final int batchSize;

    public JourneyDispatcher(
            DSLContext dsl,
            Clock clock,
            JourneyService journeys,
            EmailOutbox outbox,
            ReviewInvitations reviews,
            SurveyLinks surveys,
            int batchSize,
            Duration maxLateness) {
        this.clock = clock;
        this.transactions = new Transactions(dsl);
        this.journeys = journeys;
        this.messages = new StepMessages(journeys, new MessageFactsRepository(dsl), reviews, surveys, maxLateness);
        this.outbox = outbox;
        this.batchSize = batchSize;
    }

    /**
     * One batch of due steps. Returns how many it took, sent or not: a full batch means more may be
     * due, even when every step in it was skipped (counting only the sent ones stopped the job's
     * repeat early behind a batch of skips, leaving due steps for the next run).
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        List<JourneyStep> due = journeys.leaseDue(now, batchSize);
        int sent = 0;
        for (JourneyStep step : due) {
            try {
                if (transactions.inTransaction(() -> dispatch(step, now))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // Left leased: another run takes it again when the lease ends.
                log.warn(
                        "journey step {} of {} failed, retried after its lease: {}",
                        step.key(),
                        step.shop(),
                        e.toString());
            }
        }
        if (sent > 0) {
            log.info("{} journey emails enqueued", sent);
        }
        return due.size();
    }

    private boolean dispatch(JourneyStep leased, Instant now) {
        JourneyStep step = journeys.lockPlanned(leased.shop(), leased.stepId()).orElse(null);
        if (step == null) {
            return false; // finished or cancelled meanwhile
        }
        switch (messages.decide(step, now)) {
            case StepMessages.Decision.Later later -> journeys.reschedule(step.shop(), step.stepId(), later.at());
            case StepMessages.Decision.Skip skip -> journeys.markSkipped(step.shop(), step.stepId(), skip.reason());
            case StepMessages.Decision.Send send -> {
                if (outbox.enqueue(send.email())) {
                    return journeys.markSent(step.shop(), step.stepId());
                }
                journeys.markSkipped(step.shop(), step.stepId(), "outbox refused: unsubscribed or enqueued before");
            }
        }
        return false;
    }
}
