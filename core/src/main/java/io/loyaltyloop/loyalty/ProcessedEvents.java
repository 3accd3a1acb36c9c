package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.PROCESSED_EVENT;

import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import org.jooq.DSLContext;

class ProcessedEvents {

    private final DSLContext dsl;

    ProcessedEvents(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Claims the event for this transaction. False if it was applied before; a concurrent duplicate
     * waits on the key until the first transaction ends, then sees it as applied.
     */
    boolean claim(OrderLifecycleEvent event) {
        return dsl.insertInto(PROCESSED_EVENT)
                        .set(PROCESSED_EVENT.SHOP_ID, event.shop().value())
                        .set(PROCESSED_EVENT.SOURCE_EVENT_ID, event.sourceEventId())
                        .set(PROCESSED_EVENT.EVENT_TYPE, event.getClass().getSimpleName())
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }
}
