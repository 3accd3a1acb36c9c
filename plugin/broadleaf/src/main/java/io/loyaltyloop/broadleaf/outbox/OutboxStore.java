package io.loyaltyloop.broadleaf.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The SQL of {@code loyalty_outbox} and {@code loyalty_outbox_attempt}, portable to HSQLDB, MySQL
 * and PostgreSQL (no LIMIT, no FOR UPDATE SKIP LOCKED). Through Spring's {@link JdbcTemplate} on the
 * data source of {@code blTransactionManager}, so every statement joins the caller's transaction.
 *
 * <p>Several site nodes share the table. A node claims due rows with one conditional UPDATE that
 * stamps its claim token and pushes {@code next_attempt_at} past the lease; only the rows that
 * UPDATE changed are sent, so two nodes never send the same row at the same time, and a node that
 * dies mid-send leaves rows that become due again when the lease runs out.
 */
public class OutboxStore {

    static final int MAX_ERROR = 1000;

    private static final String COLUMNS = "sequence_id, event_id, event_type, order_id, occurred_at, data, status,"
            + " attempts, last_error, created_at";

    private static final RowMapper<OutboxRow> ROW = new RowMapper<OutboxRow>() {
        @Override
        public OutboxRow mapRow(ResultSet rs, int rowNum) throws SQLException {
            return new OutboxRow(
                    rs.getLong("sequence_id"),
                    rs.getString("event_id"),
                    rs.getString("event_type"),
                    rs.getString("order_id"),
                    rs.getTimestamp("occurred_at"),
                    rs.getString("data"),
                    OutboxStatus.valueOf(rs.getString("status")),
                    rs.getInt("attempts"),
                    rs.getString("last_error"),
                    rs.getTimestamp("created_at"));
        }
    };

    private final JdbcTemplate jdbc;

    OutboxStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The row holding {@code dedupeKey}, if any. */
    OutboxRow findByDedupeKey(String dedupeKey) {
        List<OutboxRow> rows =
                jdbc.query("select " + COLUMNS + " from loyalty_outbox where dedupe_key = ?", ROW, dedupeKey);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Appends a PENDING row due now; returns its event id. */
    String insert(String type, String dedupeKey, String orderId, Date occurredAt, String data, Date now) {
        String eventId = UUID.randomUUID().toString();
        jdbc.update(
                "insert into loyalty_outbox (event_id, dedupe_key, event_type, order_id, occurred_at, data, status,"
                        + " attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                eventId,
                dedupeKey,
                type,
                orderId,
                ts(occurredAt),
                data,
                ts(now),
                ts(now));
        return eventId;
    }

    /** Replaces the data of a row that has not been sent yet (a checkout retried after a failure). */
    boolean replacePendingData(String eventId, String data, Date occurredAt) {
        return jdbc.update(
                        "update loyalty_outbox set data = ?, occurred_at = ? where event_id = ? and status = 'PENDING'",
                        data,
                        ts(occurredAt),
                        eventId)
                == 1;
    }

    /**
     * Claims up to {@code max} due PENDING rows, oldest sequence first, until {@code leaseUntil}, and
     * returns those this call won.
     */
    List<OutboxRow> claimDue(Date now, Date leaseUntil, int max) {
        JdbcTemplate limited = new JdbcTemplate(jdbc.getDataSource());
        limited.setMaxRows(max);
        List<Long> due = limited.queryForList(
                "select sequence_id from loyalty_outbox where status = 'PENDING' and next_attempt_at <= ?"
                        + " order by sequence_id",
                Long.class,
                ts(now));
        if (due.isEmpty()) {
            return new ArrayList<OutboxRow>();
        }
        String token = UUID.randomUUID().toString();
        jdbc.update(
                "update loyalty_outbox set claim_token = ?, next_attempt_at = ? where status = 'PENDING'"
                        + " and next_attempt_at <= ? and sequence_id in (" + placeholders(due.size()) + ")",
                args(token, ts(leaseUntil), ts(now), due));
        return jdbc.query(
                "select " + COLUMNS + " from loyalty_outbox where claim_token = ? and status = 'PENDING'"
                        + " order by sequence_id",
                ROW,
                token);
    }

    void markSent(long sequence, Date now) {
        jdbc.update(
                "update loyalty_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null,"
                        + " claim_token = null where sequence_id = ? and status = 'PENDING'",
                ts(now),
                sequence);
    }

    void markRetry(long sequence, Date nextAttempt, String error) {
        jdbc.update(
                "update loyalty_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                        + " claim_token = null where sequence_id = ? and status = 'PENDING'",
                ts(nextAttempt),
                cut(error),
                sequence);
    }

    /** Postpones a row without counting an attempt (nothing was sent). */
    void postpone(long sequence, Date nextAttempt, String why) {
        jdbc.update(
                "update loyalty_outbox set next_attempt_at = ?, last_error = ?, claim_token = null"
                        + " where sequence_id = ? and status = 'PENDING'",
                ts(nextAttempt),
                cut(why),
                sequence);
    }

    void markRejected(long sequence, String reason) {
        jdbc.update(
                "update loyalty_outbox set status = 'REJECTED', attempts = attempts + 1, last_error = ?,"
                        + " claim_token = null where sequence_id = ? and status = 'PENDING'",
                cut(reason),
                sequence);
    }

    /** One line of the merchant's attempt log. {@code httpStatus} is null when no answer came. */
    void logAttempt(
            Date at,
            long firstSequence,
            long lastSequence,
            int count,
            Integer httpStatus,
            String error,
            long durationMillis) {
        jdbc.update(
                "insert into loyalty_outbox_attempt (attempted_at, first_sequence, last_sequence, event_count,"
                        + " http_status, error, duration_ms) values (?, ?, ?, ?, ?, ?, ?)",
                ts(at),
                firstSequence,
                lastSequence,
                count,
                httpStatus,
                cut(error),
                durationMillis);
    }

    /** Forgets attempt-log lines older than {@code before}; returns how many. */
    int pruneAttempts(Date before) {
        return jdbc.update("delete from loyalty_outbox_attempt where attempted_at < ?", ts(before));
    }

    /** The whole outbox in sequence order (for the merchant's tooling and tests; the table is small). */
    List<OutboxRow> all() {
        return jdbc.query("select " + COLUMNS + " from loyalty_outbox order by sequence_id", ROW);
    }

    /** The status of a Broadleaf order as stored, null when the order does not exist (any more). */
    String orderStatus(long orderId) {
        List<String> status =
                jdbc.queryForList("select order_status from blc_order where order_id = ?", String.class, orderId);
        return status.isEmpty() ? null : status.get(0);
    }

    private static Object[] args(String token, Timestamp leaseUntil, Timestamp now, List<Long> ids) {
        List<Object> args = new ArrayList<Object>();
        args.add(token);
        args.add(leaseUntil);
        args.add(now);
        args.addAll(ids);
        return args.toArray();
    }

    private static String placeholders(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    private static Timestamp ts(Date date) {
        return new Timestamp(date.getTime());
    }
}
