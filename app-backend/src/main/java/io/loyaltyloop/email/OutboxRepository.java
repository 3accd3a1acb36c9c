package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.EMAIL_OUTBOX;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * The outbox and its attempts. A row is PENDING until a sender marks it SENDING just before its
 * SMTP transaction, then SENT, PENDING again (retry), FAILED or CANCELLED. While a sender holds a
 * row, {@code next_attempt_at} is the end of its lease.
 */
@Repository
class OutboxRepository {

    /** Enough of an SMTP reply or error to act on. */
    static final int MAX_REPLY_LENGTH = 2_000;

    private final DSLContext dsl;

    OutboxRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One round trip instead of four on the enqueue path; empty if the shop does not exist. */
    Optional<EnqueueContext> enqueueContext(ShopId shop, String idempotencyKey, Long customerId, String kind) {
        return dsl.resultQuery("""
            select s.status = 'ACTIVE' as active, s.name, s.currency, s.timezone,
                exists (select 1 from email_outbox o
                        where o.shop_id = s.shop_id and o.idempotency_key = ?) as duplicate,
                exists (select 1 from email_unsubscribe u
                        where u.shop_id = s.shop_id and u.customer_id = ?) as unsubscribed,
                t.kind is not null as has_template, t.enabled, t.subject, t.html_body, t.text_body
            from shop s
            left join email_template t on t.shop_id = s.shop_id and t.kind = ?
            where s.shop_id = ?
            """, idempotencyKey, customerId, kind, shop.value())
                .fetchOptional(r -> new EnqueueContext(
                        r.get("active", Boolean.class),
                        r.get("name", String.class),
                        Currency.getInstance(r.get("currency", String.class)),
                        ZoneId.of(r.get("timezone", String.class)),
                        r.get("duplicate", Boolean.class),
                        r.get("unsubscribed", Boolean.class),
                        r.get("has_template", Boolean.class)
                                ? Optional.of(new EmailTemplateRepository.ShopTemplate(
                                        r.get("enabled", Boolean.class),
                                        r.get("subject", String.class),
                                        r.get("html_body", String.class),
                                        r.get("text_body", String.class)))
                                : Optional.empty()));
    }

    /** @return false if the shop already has a message with this idempotency key (nothing written) */
    boolean insert(NewOutboxMessage m, Instant now) {
        return dsl.insertInto(EMAIL_OUTBOX)
                        .set(EMAIL_OUTBOX.SHOP_ID, m.shop().value())
                        .set(EMAIL_OUTBOX.IDEMPOTENCY_KEY, m.idempotencyKey())
                        .set(EMAIL_OUTBOX.KIND, m.kind())
                        .set(EMAIL_OUTBOX.CUSTOMER_ID, m.customerId())
                        .set(EMAIL_OUTBOX.TO_ADDRESS, m.toAddress())
                        .set(EMAIL_OUTBOX.TO_NAME, m.toName())
                        .set(EMAIL_OUTBOX.FROM_NAME, m.fromName())
                        .set(EMAIL_OUTBOX.SUBJECT, m.content().subject())
                        .set(EMAIL_OUTBOX.HTML_BODY, m.content().html())
                        .set(EMAIL_OUTBOX.TEXT_BODY, m.content().text())
                        .set(EMAIL_OUTBOX.MESSAGE_ID, m.messageId())
                        .set(EMAIL_OUTBOX.UNSUBSCRIBE_URL, m.unsubscribeUrl())
                        .set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, utc(now))
                        .set(EMAIL_OUTBOX.CREATED_AT, utc(now))
                        // A concurrent duplicate waits on the key, then inserts nothing.
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /**
     * Takes up to {@code limit} due PENDING rows, oldest first, by moving their next attempt to
     * {@code leaseUntil} in one statement; other senders skip them (SKIP LOCKED, then the moved
     * time). If this sender dies before marking them SENDING, they are due again when the lease
     * ends.
     */
    List<OutboxMessage> lease(int limit, Instant now, Instant leaseUntil) {
        return dsl.resultQuery("""
            with due as (
                select shop_id, email_id from email_outbox
                where status = 'PENDING' and next_attempt_at <= ?::timestamptz
                order by next_attempt_at
                limit ?
                for update skip locked)
            update email_outbox o set next_attempt_at = ?::timestamptz
            from due where o.shop_id = due.shop_id and o.email_id = due.email_id
            returning o.shop_id, o.email_id, o.kind, o.customer_id, o.to_address, o.to_name,
                o.from_name, o.subject, o.html_body, o.text_body, o.message_id, o.unsubscribe_url,
                o.attempts,
                (select s.status = 'ACTIVE' from shop s where s.shop_id = o.shop_id) as shop_active,
                exists (select 1 from email_unsubscribe u
                        where u.shop_id = o.shop_id and u.customer_id = o.customer_id) as unsubscribed
            """, utc(now), limit, utc(leaseUntil)).fetch(OutboxRepository::message).stream()
                .sorted(java.util.Comparator.comparingLong(OutboxMessage::emailId))
                .toList();
    }

    /**
     * Marks the row SENDING just before its SMTP transaction, counting the attempt; false if the
     * lease ({@code leased}, as {@link #lease} set it) is no longer this sender's.
     */
    boolean markSending(OutboxMessage m, Instant leased, Instant leaseUntil) {
        return dsl.update(EMAIL_OUTBOX)
                        .set(EMAIL_OUTBOX.STATUS, "SENDING")
                        .set(EMAIL_OUTBOX.ATTEMPTS, EMAIL_OUTBOX.ATTEMPTS.plus(1))
                        .set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, utc(leaseUntil))
                        .where(EMAIL_OUTBOX.SHOP_ID.eq(m.shop().value()))
                        .and(EMAIL_OUTBOX.EMAIL_ID.eq(m.emailId()))
                        .and(EMAIL_OUTBOX.STATUS.eq("PENDING"))
                        .and(EMAIL_OUTBOX.NEXT_ATTEMPT_AT.eq(utc(leased)))
                        .execute()
                == 1;
    }

    /**
     * Records one attempt and its consequence for the row, in one statement: {@code status} SENT,
     * PENDING (retry at {@code nextAttemptAt}) or FAILED.
     */
    void recordAttempt(OutboxMessage m, Attempt attempt, String status, Instant nextAttemptAt) {
        dsl.transaction(tx -> {
            // Unlike the SENDING mark, the outcome need not wait for the disk: should PostgreSQL
            // itself crash and lose it, the row is back at SENDING and becomes FAILED (UNKNOWN),
            // never sent twice. This halves the synchronous commits per message.
            tx.dsl().execute("set local synchronous_commit = off");
            recordAttempt(tx.dsl(), m, attempt, status, nextAttemptAt);
        });
    }

    private static void recordAttempt(
            DSLContext dsl, OutboxMessage m, Attempt attempt, String status, Instant nextAttemptAt) {
        String reply = shortened(attempt.reply());
        dsl.execute(
                """
                with attempt as (
                    insert into email_attempt (shop_id, email_id, attempt_no, started_at, duration_ms, outcome, reply)
                    values (?, ?, ?, ?::timestamptz, ?, ?, ?))
                update email_outbox set status = ?, next_attempt_at = ?::timestamptz,
                    last_error = case when ? = 'SENT' then null else ? end,
                    sent_at = case when ? = 'SENT' then ?::timestamptz end
                where shop_id = ? and email_id = ? and status = 'SENDING'
                """,
                m.shop().value(),
                m.emailId(),
                m.attempts() + 1,
                utc(attempt.startedAt()),
                attempt.durationMillis(),
                attempt.outcome().name(),
                reply,
                status,
                utc(nextAttemptAt),
                status,
                reply,
                status,
                utc(attempt.startedAt()),
                m.shop().value(),
                m.emailId());
    }

    /** Gives a leased row back without an attempt, due at {@code at}. */
    void release(OutboxMessage m, Instant at) {
        dsl.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.NEXT_ATTEMPT_AT, utc(at))
                .where(EMAIL_OUTBOX.SHOP_ID.eq(m.shop().value()))
                .and(EMAIL_OUTBOX.EMAIL_ID.eq(m.emailId()))
                .and(EMAIL_OUTBOX.STATUS.eq("PENDING"))
                .execute();
    }

    void cancel(OutboxMessage m, String reason) {
        dsl.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.STATUS, "CANCELLED")
                .set(EMAIL_OUTBOX.LAST_ERROR, reason)
                .where(EMAIL_OUTBOX.SHOP_ID.eq(m.shop().value()))
                .and(EMAIL_OUTBOX.EMAIL_ID.eq(m.emailId()))
                .and(EMAIL_OUTBOX.STATUS.eq("PENDING"))
                .execute();
    }

    /**
     * SENDING rows whose lease ended: their sender stopped during the SMTP transaction, so the
     * message may or may not have gone out. They become FAILED with an UNKNOWN attempt and are
     * never sent again (at most once).
     */
    int failAbandoned(Instant now) {
        return dsl.execute("""
            with abandoned as (
                update email_outbox set status = 'FAILED',
                    last_error = 'the sender stopped during the SMTP transaction; not resent, to never send twice'
                where status = 'SENDING' and next_attempt_at <= ?::timestamptz
                returning shop_id, email_id, attempts)
            insert into email_attempt (shop_id, email_id, attempt_no, started_at, duration_ms, outcome, reply)
            select shop_id, email_id, attempts, ?::timestamptz, 0, 'UNKNOWN', 'sender stopped before recording the outcome'
            from abandoned
            on conflict do nothing
            """, utc(now), utc(now));
    }

    private static OutboxMessage message(Record r) {
        return new OutboxMessage(
                new ShopId(r.get("shop_id", Long.class)),
                r.get("email_id", Long.class),
                r.get("kind", String.class),
                r.get("customer_id", Long.class),
                r.get("to_address", String.class),
                r.get("to_name", String.class),
                r.get("from_name", String.class),
                r.get("subject", String.class),
                r.get("html_body", String.class),
                r.get("text_body", String.class),
                r.get("message_id", String.class),
                r.get("unsubscribe_url", String.class),
                r.get("attempts", Integer.class),
                Boolean.TRUE.equals(r.get("shop_active", Boolean.class)),
                Boolean.TRUE.equals(r.get("unsubscribed", Boolean.class)));
    }

    private static String shortened(String text) {
        return text == null || text.length() <= MAX_REPLY_LENGTH ? text : text.substring(0, MAX_REPLY_LENGTH);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
