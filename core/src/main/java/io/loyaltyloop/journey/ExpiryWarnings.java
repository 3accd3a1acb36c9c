package io.loyaltyloop.journey;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Which expiry warnings an expiring balance calls for now. */
final class ExpiryWarnings {

    private ExpiryWarnings() {}

    static List<PlannedStep> due(
            WatchRepository.ExpiringBalance balance, Instant now, JourneySettings settings, ZoneId zone) {
        Instant expiresAt = balance.expiresAt();
        Instant warnFrom = expiresAt.minus(settings.expiryWarning());
        Instant lastChanceFrom = expiresAt.minus(settings.lastChance());
        List<PlannedStep> steps = new ArrayList<>();
        if (now.isBefore(warnFrom)) {
            return steps;
        }
        boolean lastChanceDue = !now.isBefore(lastChanceFrom);
        PlannedStep warning = warning(balance, StepKind.POINTS_EXPIRING, now, settings, zone);
        steps.add(lastChanceDue ? warning.withStatus(StepStatus.SKIPPED, "last chance already due") : warning);
        if (lastChanceDue) {
            steps.add(warning(balance, StepKind.POINTS_LAST_CHANCE, now, settings, zone));
        }
        return steps;
    }

    private static PlannedStep warning(
            WatchRepository.ExpiringBalance balance,
            StepKind kind,
            Instant now,
            JourneySettings settings,
            ZoneId zone) {
        Instant due = QuietHours.sendableAt(now, kind, zone, settings.quietHours());
        return new PlannedStep(
                JourneyStep.expirySubject(balance.customerId(), balance.expiresAt()),
                kind,
                null,
                null,
                balance.customerId(),
                due,
                StepStatus.PLANNED,
                null);
    }
}
