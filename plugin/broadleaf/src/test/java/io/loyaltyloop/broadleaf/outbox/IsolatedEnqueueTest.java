package io.loyaltyloop.broadleaf.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The checkout path's write: whatever happens to it, the caller's own transaction is untouched. */
class IsolatedEnqueueTest {

    private final LoyaltyOutbox outbox = BroadleafSite.bean("loyaltyLoopOutbox", LoyaltyOutbox.class);
    private final TransactionTemplate siteTransaction =
            new TransactionTemplate(BroadleafSite.bean("blTransactionManager", PlatformTransactionManager.class));

    @Test
    void aFailedWriteInsideTheSitesTransactionLeavesThatTransactionCommittable() {
        // given
        String key = "test:" + UUID.randomUUID();

        // when the site's transaction sees the isolated write fail, then writes on and commits
        siteTransaction.execute(status -> {
            assertThatThrownBy(() -> outbox.enqueueIsolated(
                            "x".repeat(41), null, "1", new Date(), "{}")) // longer than event_type allows
                    .isInstanceOf(RuntimeException.class);
            outbox.enqueue(EventTypes.ORDER_CANCELLED, key, "1", new Date(), "{\"orderId\":\"1\"}");
            return null;
        });

        // then the site's own write is there
        assertThat(outbox.store().findByDedupeKey(key)).isNotNull();
    }
}
