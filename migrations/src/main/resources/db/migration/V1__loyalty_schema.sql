-- Loyalty Loop schema, version 1: tenants, program settings, customers, orders, the points
-- ledger and balances, rewards and redemptions, audit.
--
-- Scale-out by shop: every tenant table carries shop_id as the first column of its primary key and
-- of every foreign key, so the tables can be distributed by shop_id and colocated (e.g. Citus)
-- without rewrites. Money is numeric with a currency code on the owning row; points are bigint.
-- Amounts are numeric(18, 4): some currencies have three minor digits (KWD, BHD).

create table shop (
    shop_id           bigint generated always as identity primary key,
    platform          text        not null check (platform in ('SHOPIFY', 'BROADLEAF')),
    -- The host's own key for the store: the myshopify.com domain, or the Broadleaf site id.
    platform_shop_key text        not null check (length(platform_shop_key) between 1 and 255),
    name              text        not null,
    currency          char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    timezone          text        not null,
    status            text        not null default 'ACTIVE' check (status in ('ACTIVE', 'UNINSTALLED')),
    installed_at      timestamptz not null default now(),
    uninstalled_at    timestamptz,
    unique (platform, platform_shop_key)
);

-- One row per shop; every value has a default so a new shop works with no configuration.
create table program_settings (
    shop_id                  bigint      not null primary key references shop (shop_id) on delete cascade,
    pending_days             integer     not null default 14 check (pending_days between 0 and 365),
    allow_negative_balance   boolean     not null default false,
    -- 0 disables expiry.
    expiry_inactivity_months integer     not null default 12 check (expiry_inactivity_months between 0 and 120),
    tier_window_months       integer     not null default 12 check (tier_window_months between 1 and 60),
    award_prior_orders       boolean     not null default false,
    updated_at               timestamptz not null default now()
);

-- The spend rule: points per whole unit of shop currency. Exactly one active rule per shop;
-- orders record the rule they earned under, so changing it never rewrites history.
create table earning_rule (
    shop_id         bigint        not null references shop (shop_id) on delete cascade,
    rule_id         bigint generated always as identity,
    points_per_unit numeric(12, 4) not null default 1 check (points_per_unit > 0 and points_per_unit <= 10000),
    rounding        text          not null default 'DOWN' check (rounding in ('DOWN', 'HALF_UP', 'UP')),
    active          boolean       not null default true,
    created_at      timestamptz   not null default now(),
    primary key (shop_id, rule_id)
);
create unique index earning_rule_one_active on earning_rule (shop_id) where active;

-- Lines matching an exclusion earn nothing (gift cards are always excluded).
create table earning_exclusion (
    shop_id      bigint      not null references shop (shop_id) on delete cascade,
    exclusion_id bigint generated always as identity,
    match_field  text        not null check (match_field in ('SKU', 'PRODUCT_ID', 'VENDOR', 'PRODUCT_TYPE')),
    match_value  text        not null check (length(match_value) between 1 and 255),
    created_at   timestamptz not null default now(),
    primary key (shop_id, exclusion_id),
    unique (shop_id, match_field, match_value)
);

create table tier (
    shop_id         bigint        not null references shop (shop_id) on delete cascade,
    tier_id         bigint generated always as identity,
    name            text          not null check (length(name) between 1 and 60),
    min_spend       numeric(18, 4) not null check (min_spend >= 0),
    earn_multiplier numeric(6, 3) not null check (earn_multiplier >= 1 and earn_multiplier <= 10),
    primary key (shop_id, tier_id),
    unique (shop_id, min_spend)
);

create table reward (
    shop_id        bigint        not null references shop (shop_id) on delete cascade,
    reward_id      bigint generated always as identity,
    name           text          not null check (length(name) between 1 and 80),
    kind           text          not null check (kind in ('FIXED_AMOUNT', 'PERCENTAGE', 'FREE_SHIPPING')),
    -- Amount in shop currency (FIXED_AMOUNT), percent 0-100 (PERCENTAGE), null (FREE_SHIPPING).
    discount_value numeric(18, 4) check (discount_value is null or discount_value > 0),
    points_cost    bigint        not null check (points_cost > 0),
    active         boolean       not null default true,
    created_at     timestamptz   not null default now(),
    primary key (shop_id, reward_id),
    check ((kind = 'FREE_SHIPPING') = (discount_value is null)),
    check (kind <> 'PERCENTAGE' or discount_value <= 100)
);

create table customer (
    shop_id           bigint      not null references shop (shop_id) on delete cascade,
    customer_id       bigint generated always as identity,
    -- The host's customer id, as text (Shopify ids exceed 2^53; Broadleaf ids are longs).
    external_id       text        not null check (length(external_id) between 1 and 64),
    email             text,
    first_name        text,
    last_name         text,
    locale            text,
    accepts_marketing boolean     not null default false,
    -- The host's updated_at of the data we hold, so that a late, older update cannot win.
    source_updated_at timestamptz,
    redacted_at       timestamptz,
    created_at        timestamptz not null default now(),
    primary key (shop_id, customer_id),
    unique (shop_id, external_id)
);

-- The balance row of a customer: kept equal to the sum of the customer's ledger entries, in the
-- same transaction. It is also the row locked to serialise all point movements of one customer.
create table points_account (
    shop_id           bigint      not null,
    customer_id       bigint      not null,
    pending           bigint      not null default 0 check (pending >= 0),
    available         bigint      not null default 0,
    lifetime_earned   bigint      not null default 0,
    lifetime_redeemed bigint      not null default 0,
    tier_id           bigint,
    last_activity_at  timestamptz,
    expires_at        timestamptz,
    updated_at        timestamptz not null default now(),
    primary key (shop_id, customer_id),
    foreign key (shop_id, customer_id) references customer (shop_id, customer_id) on delete cascade,
    foreign key (shop_id, tier_id) references tier (shop_id, tier_id)
);
create index points_account_expiry on points_account (expires_at) where available > 0;

create table shop_order (
    shop_id          bigint        not null references shop (shop_id) on delete cascade,
    order_id         bigint generated always as identity,
    external_id      text          not null check (length(external_id) between 1 and 64),
    customer_id      bigint,
    order_name       text,
    currency         char(3),
    placed_at        timestamptz,
    paid_at          timestamptz,
    cancelled_at     timestamptz,
    -- False while only a refund or fulfillment has arrived (events can come before the order).
    lines_known      boolean       not null default false,
    prior_to_install boolean       not null default false,
    -- Fixed when the order first earns: the tier multiplier and the rule in force at that moment.
    earn_multiplier  numeric(6, 3),
    points_per_unit  numeric(12, 4),
    rounding         text,
    -- Sum of the eligible lines' amounts, and of what refunds took back from eligible lines.
    eligible_amount  numeric(18, 4) not null default 0,
    refunded_amount  numeric(18, 4) not null default 0,
    -- Net points the order has earned so far (earns minus reversals, before any shortfall).
    points_net       bigint        not null default 0,
    release_due_at   timestamptz,
    released_at      timestamptz,
    created_at       timestamptz   not null default now(),
    updated_at       timestamptz   not null default now(),
    primary key (shop_id, order_id),
    unique (shop_id, external_id),
    foreign key (shop_id, customer_id) references customer (shop_id, customer_id)
);
create index shop_order_customer_paid on shop_order (shop_id, customer_id, paid_at);
create index shop_order_release_due on shop_order (release_due_at) where released_at is null and release_due_at is not null;

create table order_line (
    shop_id          bigint        not null,
    order_id         bigint        not null,
    external_line_id text          not null check (length(external_line_id) between 1 and 64),
    product_id       text,
    variant_id       text,
    sku              text,
    title            text,
    vendor           text,
    product_type     text,
    quantity         integer       not null check (quantity >= 0),
    -- Merchandise amount after all discounts, before tax, in shop money.
    amount           numeric(18, 4) not null check (amount >= 0),
    gift_card        boolean       not null default false,
    -- Whether the line counts towards points (not a gift card, not excluded), fixed on arrival.
    eligible         boolean       not null,
    primary key (shop_id, order_id, external_line_id),
    foreign key (shop_id, order_id) references shop_order (shop_id, order_id) on delete cascade
);

create table order_refund (
    shop_id            bigint      not null,
    order_id           bigint      not null,
    external_refund_id text        not null check (length(external_refund_id) between 1 and 64),
    refunded_at        timestamptz not null,
    primary key (shop_id, order_id, external_refund_id),
    foreign key (shop_id, order_id) references shop_order (shop_id, order_id) on delete cascade
);

create table refund_line (
    shop_id            bigint        not null,
    order_id           bigint        not null,
    external_refund_id text          not null,
    external_line_id   text          not null,
    quantity           integer       not null check (quantity >= 0),
    amount             numeric(18, 4) not null check (amount >= 0),
    primary key (shop_id, order_id, external_refund_id, external_line_id),
    foreign key (shop_id, order_id, external_refund_id)
        references order_refund (shop_id, order_id, external_refund_id) on delete cascade
);

create table fulfillment (
    shop_id                 bigint      not null,
    order_id                bigint      not null,
    external_fulfillment_id text        not null check (length(external_fulfillment_id) between 1 and 64),
    status                  text        not null,
    shipment_status         text,
    tracking_company        text,
    tracking_number         text,
    tracking_url            text,
    source_updated_at       timestamptz not null,
    primary key (shop_id, order_id, external_fulfillment_id),
    foreign key (shop_id, order_id) references shop_order (shop_id, order_id) on delete cascade
);

create table redemption (
    shop_id         bigint        not null,
    redemption_id   bigint generated always as identity,
    customer_id     bigint        not null,
    reward_id       bigint        not null,
    -- The reward as it was when redeemed, so later edits to the reward never change it.
    reward_kind     text          not null,
    discount_value  numeric(18, 4),
    points_cost     bigint        not null check (points_cost > 0),
    -- Chosen once at reservation, so every retry of issuing it in the host store uses the same code.
    discount_code   text          not null,
    status          text          not null check (status in ('RESERVED', 'ISSUED', 'FAILED')),
    idempotency_key text          not null check (length(idempotency_key) between 1 and 128),
    host_discount_id text,
    failure_reason  text,
    created_at      timestamptz   not null default now(),
    settled_at      timestamptz,
    primary key (shop_id, redemption_id),
    unique (shop_id, idempotency_key),
    unique (shop_id, discount_code),
    foreign key (shop_id, customer_id) references customer (shop_id, customer_id),
    foreign key (shop_id, reward_id) references reward (shop_id, reward_id)
);
create index redemption_reserved on redemption (shop_id, created_at) where status = 'RESERVED';

-- Append-only: see the trigger below. Every balance is the sum of its customer's entries.
create table points_ledger (
    shop_id         bigint      not null,
    entry_id        bigint generated always as identity,
    customer_id     bigint      not null,
    kind            text        not null check (kind in ('EARN', 'REVERSE', 'RELEASE', 'REDEEM', 'REDEEM_REFUND', 'EXPIRE', 'ADJUST')),
    pending_delta   bigint      not null default 0,
    available_delta bigint      not null default 0,
    -- Points a reversal could not take because the balance would have gone negative.
    shortfall       bigint      not null default 0 check (shortfall >= 0),
    order_id        bigint,
    redemption_id   bigint,
    source_event_id text,
    reason          text,
    actor           text,
    created_at      timestamptz not null default now(),
    primary key (shop_id, entry_id),
    foreign key (shop_id, customer_id) references customer (shop_id, customer_id),
    foreign key (shop_id, order_id) references shop_order (shop_id, order_id),
    foreign key (shop_id, redemption_id) references redemption (shop_id, redemption_id),
    check (kind <> 'ADJUST' or (reason is not null and actor is not null))
);
create index points_ledger_customer on points_ledger (shop_id, customer_id, entry_id);
create index points_ledger_order on points_ledger (shop_id, order_id) where order_id is not null;

-- Each source event (webhook delivery, Broadleaf hook) is applied at most once per shop.
create table processed_event (
    shop_id         bigint      not null references shop (shop_id) on delete cascade,
    source_event_id text        not null,
    event_type      text        not null,
    applied_at      timestamptz not null default now(),
    primary key (shop_id, source_event_id)
);

create table audit_log (
    shop_id    bigint      not null references shop (shop_id) on delete cascade,
    audit_id   bigint generated always as identity,
    actor      text        not null,
    action     text        not null,
    subject    text,
    details    jsonb       not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    primary key (shop_id, audit_id)
);

-- The ledger is append-only. Erasing a whole shop (shop/redact) is the one exception, and must
-- say so explicitly in its own transaction: set local loyalty.ledger_purge = 'on'.
create function points_ledger_append_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' and current_setting('loyalty.ledger_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'points_ledger is append-only (% refused)', tg_op
        using errcode = 'restrict_violation';
end;
$$;

create trigger points_ledger_append_only
    before update or delete on points_ledger
    for each row execute function points_ledger_append_only();
