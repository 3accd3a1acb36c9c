package io.loyaltyloop.shopify.admin;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the waits the client asked for instead of waiting. */
public final class RecordingSleeper implements AdminSleeper {

    public final List<Duration> waits = new CopyOnWriteArrayList<>();

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
    }
}
