package io.loyaltyloop.loyalty;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One inbox batch's lifecycle events, applied in one engine call ({@link LoyaltyService#applyAll}),
 * and each inbox entry's outcome read back from its own events' results: the Shopify and Broadleaf
 * inbox workers share it.
 *
 * @param <E> the inbox's entry type
 */
public final class LifecycleBatch<E> {

    /** What becomes of each entry. */
    public interface Outcomes<E> {

        void applied(E entry);

        /** The engine rejected one of the entry's events: the entry is given up on with the reason. */
        void rejected(E entry, String reason);

        /** The engine could not run (the database): the entry is tried again later. */
        void failed(E entry, String error);
    }

    private record Slice<E>(E entry, int from, int to) {}

    private final List<Slice<E>> slices = new ArrayList<>();
    private final List<OrderLifecycleEvent> events = new ArrayList<>();

    public void add(E entry, List<? extends OrderLifecycleEvent> entryEvents) {
        slices.add(new Slice<>(entry, events.size(), events.size() + entryEvents.size()));
        events.addAll(entryEvents);
    }

    public void apply(LoyaltyService loyalty, Outcomes<E> outcomes) {
        if (slices.isEmpty()) {
            return;
        }
        List<ApplyResult> results;
        try {
            results = events.isEmpty() ? List.of() : loyalty.applyAll(events);
        } catch (RuntimeException e) {
            // The database, not the entries: try the whole batch again later.
            slices.forEach(s -> outcomes.failed(s.entry(), e.toString()));
            return;
        }
        for (Slice<E> s : slices) {
            Optional<String> rejection = results.subList(s.from(), s.to()).stream()
                    .filter(r -> r.outcome() == ApplyOutcome.REJECTED)
                    .map(ApplyResult::error)
                    .findFirst();
            if (rejection.isPresent()) {
                outcomes.rejected(s.entry(), rejection.get());
            } else {
                outcomes.applied(s.entry());
            }
        }
    }
}
