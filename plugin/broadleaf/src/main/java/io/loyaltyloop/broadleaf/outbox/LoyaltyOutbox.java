package io.loyaltyloop.broadleaf.outbox;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes events into {@code loyalty_outbox}, the site's durable queue to the backend (bean
 * {@code loyaltyLoopOutbox}). Nothing here touches the network: the {@link OutboxSender} delivers.
 *
 * <p>Every event may carry a dedupe key ({@code order.submitted:<orderId>}, …): a second event with
 * the same key writes nothing and returns the first one's id, so a retried checkout or a repeated
 * OMS call does not count twice.
 */
public class LoyaltyOutbox implements InitializingBean {

    private final PlatformTransactionManager transactionManager;
    private DataSource dataSource;
    private boolean createTables = true;
    private Clock clock = Clock.systemUTC();
    private OutboxStore store;

    /** {@code transactionManager} is the site's {@code blTransactionManager}; its data source holds the outbox. */
    public LoyaltyOutbox(PlatformTransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    @Override
    public void afterPropertiesSet() {
        if (dataSource == null) {
            dataSource = dataSourceOf(transactionManager);
        }
        if (createTables) {
            OutboxSchema.createIfMissing(dataSource);
        }
        store = new OutboxStore(dataSource);
    }

    /**
     * Appends an event in the caller's transaction (or a new one when there is none). Throws on a
     * database failure: the OMS caller decides.
     *
     * @return the event id (an existing one when {@code dedupeKey} was seen before)
     */
    public String enqueue(String type, String dedupeKey, String orderId, Date occurredAt, String data) {
        return inTransaction(TransactionDefinition.PROPAGATION_REQUIRED, type, dedupeKey, orderId, occurredAt, data);
    }

    /**
     * Appends an event without ever marking the caller's transaction rollback-only: inside a savepoint
     * when the caller has a transaction and the transaction manager supports savepoints, else in a
     * transaction of its own. Used on the checkout path. Throws on a database failure.
     */
    public String enqueueIsolated(String type, String dedupeKey, String orderId, Date occurredAt, String data) {
        try {
            return inTransaction(TransactionDefinition.PROPAGATION_NESTED, type, dedupeKey, orderId, occurredAt, data);
        } catch (NestedTransactionNotSupportedException e) {
            // JPA with Hibernate 4.1 offers no savepoints: commit on our own. If the order's own
            // transaction then rolls back, the sender's order-status check keeps the row from going out.
            return inTransaction(
                    TransactionDefinition.PROPAGATION_REQUIRES_NEW, type, dedupeKey, orderId, occurredAt, data);
        }
    }

    /**
     * Runs {@code work} in the caller's transaction or a new one, so that lazy Broadleaf entities can
     * be read outside a storefront request. {@code work} must not throw for expected outcomes: a
     * joined transaction would be marked rollback-only.
     */
    public <T> T inTransaction(TransactionCallback<T> work) {
        return new TransactionTemplate(transactionManager).execute(work);
    }

    /** The whole outbox, oldest first (the merchant's view; the table holds one row per event). */
    public List<OutboxRow> rows() {
        return store.all();
    }

    /** The site database that holds the module's tables (the one behind {@code blTransactionManager}). */
    public DataSource dataSource() {
        return dataSource;
    }

    OutboxStore store() {
        return store;
    }

    Clock clock() {
        return clock;
    }

    private String inTransaction(
            int propagation,
            final String type,
            final String dedupeKey,
            final String orderId,
            final Date occurredAt,
            final String data) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setPropagationBehavior(propagation);
        return template.execute(new TransactionCallback<String>() {
            @Override
            public String doInTransaction(TransactionStatus status) {
                OutboxRow existing = dedupeKey == null ? null : store.findByDedupeKey(dedupeKey);
                if (existing != null) {
                    if (existing.status() == OutboxStatus.PENDING
                            && !existing.data().equals(data)) {
                        store.replacePendingData(existing.eventId(), data, occurredAt);
                    }
                    return existing.eventId();
                }
                return store.insert(type, dedupeKey, orderId, occurredAt, data, new Date(clock.millis()));
            }
        });
    }

    private static DataSource dataSourceOf(PlatformTransactionManager transactionManager) {
        if (transactionManager instanceof JpaTransactionManager
                && ((JpaTransactionManager) transactionManager).getDataSource() != null) {
            return ((JpaTransactionManager) transactionManager).getDataSource();
        }
        if (transactionManager instanceof DataSourceTransactionManager) {
            return ((DataSourceTransactionManager) transactionManager).getDataSource();
        }
        throw new IllegalStateException("Loyalty Loop: set loyaltyLoopOutbox.dataSource; " + transactionManager
                + " exposes no JDBC data source");
    }

    /** Only for a data source other than the transaction manager's (it must be the same database). */
    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** False when the site creates the tables itself (DDL in docs/broadleaf-module.md). */
    public void setCreateTables(boolean createTables) {
        this.createTables = createTables;
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }
}
