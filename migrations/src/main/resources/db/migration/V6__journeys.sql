-- Post-purchase journeys: per-shop timing, what each fulfillment has been seen doing, and one row
-- per planned message.

-- A shop's journey timing. A null column means "the deployment's default" (shipped defaults:
-- review request 7 days after delivery, 14 days after fulfillment when no delivery is ever
-- reported, one reminder 4 days later, survey 10 days after delivery, expiry warnings 30 and 7 days
-- before points expire, stuck shipment after 5 days without movement, quiet hours on), which the
-- environment can override for demos and tests; a value the merchant saved always wins.
create table journey_settings (
    shop_id                        bigint      not null primary key references shop (shop_id) on delete cascade,
    review_delay_seconds           bigint      check (review_delay_seconds between 0 and 31536000),
    review_fallback_delay_seconds  bigint      check (review_fallback_delay_seconds between 0 and 31536000),
    reminder_delay_seconds         bigint      check (reminder_delay_seconds between 0 and 31536000),
    survey_delay_seconds           bigint      check (survey_delay_seconds between 0 and 31536000),
    survey_type                    text        check (survey_type in ('NPS', 'CSAT')),
    expiry_warning_seconds         bigint      check (expiry_warning_seconds between 0 and 31536000),
    last_chance_seconds            bigint      check (last_chance_seconds between 0 and 31536000),
    stuck_after_seconds            bigint      check (stuck_after_seconds between 3600 and 31536000),
    quiet_hours                    boolean,
    updated_at                     timestamptz not null default now()
);

-- When each fulfillment was first seen at each tracking milestone (SHIPPED, IN_TRANSIT, ...,
-- CANCELLED), by the host's time. The fulfillment table keeps only the latest status; journeys need
-- every status once, and the earliest time it was reported, whatever order the webhooks came in.
create table fulfillment_milestone (
    shop_id                 bigint      not null,
    order_id                bigint      not null,
    external_fulfillment_id text        not null check (length(external_fulfillment_id) between 1 and 64),
    milestone               text        not null check (milestone in ('SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY',
                                                                      'DELIVERED', 'DELIVERY_EXCEPTION', 'CANCELLED')),
    first_seen_at           timestamptz not null,
    primary key (shop_id, order_id, external_fulfillment_id, milestone),
    foreign key (shop_id, order_id) references shop_order (shop_id, order_id) on delete cascade
);

-- One row per message a customer (or the merchant) gets or would have got. The subject names what
-- the message is about (order:42, order:42:fulfillment:F1, customer:7:expiry:2027-03-01); with the
-- kind it is the step's key, so a step exists once and doubles as the outbox's idempotency key.
create table journey_step (
    shop_id      bigint      not null references shop (shop_id) on delete cascade,
    step_id      bigint generated always as identity,
    subject      text        not null check (length(subject) between 1 and 200),
    kind         text        not null check (kind in ('ORDER_CONFIRMED', 'SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY',
                                                      'DELIVERED', 'DELIVERY_EXCEPTION', 'SHIPMENT_STUCK',
                                                      'SHIPMENT_STUCK_ALERT', 'REVIEW_REQUEST', 'REVIEW_REMINDER',
                                                      'SURVEY', 'POINTS_EARNED', 'REWARD_UNLOCKED',
                                                      'POINTS_EXPIRING', 'POINTS_LAST_CHANCE')),
    order_id     bigint,
    external_fulfillment_id text,
    customer_id  bigint,
    due_at       timestamptz not null,
    status       text        not null default 'PLANNED' check (status in ('PLANNED', 'SENT', 'SKIPPED', 'CANCELLED')),
    reason       text        check (length(reason) <= 200),
    sent_at      timestamptz,
    -- Skipped or cancelled by the plan itself (stale status, cancelled order): it keeps following
    -- the plan as facts arrive, so every arrival order ends the same. A step the dispatcher or an
    -- unsubscribe finished is never touched again.
    plan_decided boolean     not null default false,
    -- A dispatcher holds a due step until then; another instance takes it over after.
    leased_until timestamptz,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (shop_id, step_id),
    unique (shop_id, subject, kind),
    foreign key (shop_id, order_id) references shop_order (shop_id, order_id) on delete cascade,
    foreign key (shop_id, customer_id) references customer (shop_id, customer_id) on delete cascade,
    check ((status = 'SENT') = (sent_at is not null)),
    check (status in ('PLANNED', 'SENT') or reason is not null)
);
create index journey_step_due on journey_step (due_at) where status = 'PLANNED';
create index journey_step_order on journey_step (shop_id, order_id) where order_id is not null;
create index journey_step_customer on journey_step (shop_id, customer_id) where customer_id is not null;
