-- Emails: the shops' template overrides, the outbox of messages to send, every SMTP attempt, and
-- the customers who unsubscribed.
--
-- Every message is rendered and stored when the journey decides to send it (in the journey's
-- transaction), then delivered by a background sender on any instance: due rows are leased with
-- FOR UPDATE SKIP LOCKED. A row is SENDING only while its SMTP transaction may be in flight; a
-- SENDING row whose lease ran out is never sent again (at most once, see EmailSender).

-- A shop's own version of a kind's template, or only its on/off switch: a null part means the
-- shipped default for that part.
create table email_template (
    shop_id    bigint      not null references shop (shop_id) on delete cascade,
    kind       text        not null check (kind ~ '^[A-Z_]{1,40}$'),
    enabled    boolean     not null default true,
    subject    text        check (length(subject) <= 1000),
    html_body  text        check (length(html_body) <= 65536),
    text_body  text        check (length(text_body) <= 65536),
    updated_at timestamptz not null default now(),
    primary key (shop_id, kind)
);

create table email_outbox (
    shop_id         bigint      not null references shop (shop_id) on delete cascade,
    email_id        bigint generated always as identity,
    -- The caller's identity of the message (e.g. order:42:fulfillment:7:SHIPPED): enqueued once.
    idempotency_key text        not null check (length(idempotency_key) between 1 and 200),
    kind            text        not null check (kind ~ '^[A-Z_]{1,40}$'),
    -- The recipient customer (unsubscribe links and suppression); null for mail to the merchant.
    customer_id     bigint,
    to_address      text        not null check (length(to_address) between 3 and 320),
    to_name         text,
    from_name       text        not null,
    subject         text        not null,
    html_body       text        not null,
    text_body       text        not null,
    -- Fixed at enqueue, so that a retried message carries the same Message-ID.
    message_id      text        not null,
    unsubscribe_url text,
    status          text        not null default 'PENDING'
        check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    -- When the row is due; while a sender holds it (leased, or SENDING), when that lease ends.
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    primary key (shop_id, email_id),
    unique (shop_id, idempotency_key)
);
-- The senders' claim: due rows oldest first; partial, so sent rows cost it nothing.
create index email_outbox_due on email_outbox (next_attempt_at) where status in ('PENDING', 'SENDING');

-- Every SMTP attempt, successful or not: what the merchant's delivery log shows.
create table email_attempt (
    shop_id     bigint      not null,
    email_id    bigint      not null,
    attempt_no  integer     not null check (attempt_no >= 1),
    started_at  timestamptz not null,
    duration_ms integer     not null check (duration_ms >= 0),
    outcome     text        not null check (outcome in ('SENT', 'RETRY', 'FAILED', 'UNKNOWN')),
    -- The SMTP server's reply (e.g. "250 2.0.0 OK") or the error.
    reply       text,
    primary key (shop_id, email_id, attempt_no),
    foreign key (shop_id, email_id) references email_outbox (shop_id, email_id) on delete cascade
);

-- One row per customer who unsubscribed: no further customer emails from that shop. Merchant
-- alerts are not affected.
create table email_unsubscribe (
    shop_id         bigint      not null references shop (shop_id) on delete cascade,
    customer_id     bigint      not null,
    unsubscribed_at timestamptz not null,
    primary key (shop_id, customer_id),
    foreign key (shop_id, customer_id) references customer (shop_id, customer_id) on delete cascade
);
