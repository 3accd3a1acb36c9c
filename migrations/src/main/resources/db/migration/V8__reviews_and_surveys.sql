-- Product reviews from verified buyers, the shop's review settings, and NPS/CSAT survey answers.
--
-- A review belongs to one item (product) of one order: (shop_id, order_id, product_id) is unique,
-- which is what makes the signed review link single-use per item. Text is stored as the customer
-- typed it and escaped wherever it is shown.

-- Review points are credited through the ledger like every other movement.
alter table points_ledger drop constraint points_ledger_kind_check;
alter table points_ledger add constraint points_ledger_kind_check
    check (kind in ('EARN', 'REVERSE', 'RELEASE', 'REDEEM', 'REDEEM_REFUND', 'EXPIRE', 'ADJUST', 'REVIEW'));

-- One row per shop once the merchant changes anything; no row means the defaults below.
create table review_settings (
    shop_id                 bigint      not null primary key references shop (shop_id) on delete cascade,
    -- Reviews rated at least this are published at once (unless a blocked word appears).
    auto_publish_min_rating smallint    not null default 4 check (auto_publish_min_rating between 1 and 5),
    auto_publish            boolean     not null default true,
    -- Matched case-insensitively as whole words in the title and body.
    blocked_words           text[]      not null default '{}' check (cardinality(blocked_words) <= 500),
    -- 0 turns the incentive off.
    incentive_points        bigint      not null default 50 check (incentive_points between 0 and 100000),
    -- How many reviews of one customer earn points per calendar month (shop time zone).
    incentive_monthly_cap   integer     not null default 5 check (incentive_monthly_cap between 0 and 1000),
    updated_at              timestamptz not null default now()
);

create table review (
    shop_id              bigint      not null references shop (shop_id) on delete cascade,
    review_id            bigint generated always as identity,
    order_id             bigint      not null,
    -- Null for a guest order, and after customers/redact.
    customer_id          bigint,
    product_id           text        not null check (length(product_id) between 1 and 64),
    product_title        text        check (length(product_title) <= 255),
    rating               smallint    not null check (rating between 1 and 5),
    title                text        check (length(title) <= 150),
    body                 text        check (length(body) <= 5000),
    display_name         text        check (length(display_name) <= 80),
    status               text        not null check (status in ('PENDING', 'PUBLISHED', 'REJECTED')),
    reject_reason        text        check (length(reject_reason) between 1 and 500),
    merchant_reply       text        check (length(merchant_reply) between 1 and 5000),
    replied_at           timestamptz,
    -- Submitted through a signed link sent for a paid order line.
    verified_buyer       boolean     not null default true,
    -- Points were credited for it (disclosed next to the review).
    incentivized         boolean     not null default false,
    incentive_points     bigint      check (incentive_points > 0),
    incentive_entry_id   bigint,
    incentive_awarded_at timestamptz,
    submitted_at         timestamptz not null,
    published_at         timestamptz,
    moderated_at         timestamptz,
    -- customers/redact: text, name and the customer link are gone; the rating still counts.
    redacted_at          timestamptz,
    updated_at           timestamptz not null default now(),
    primary key (shop_id, review_id),
    unique (shop_id, order_id, product_id),
    foreign key (shop_id, order_id) references shop_order (shop_id, order_id),
    foreign key (shop_id, customer_id) references customer (shop_id, customer_id),
    foreign key (shop_id, incentive_entry_id) references points_ledger (shop_id, entry_id),
    check (incentivized = (incentive_entry_id is not null)),
    check (status = 'REJECTED' or reject_reason is null),
    check (redacted_at is not null or body is not null)
);
create index review_product on review (shop_id, product_id, status);
create index review_moderation on review (shop_id, status, submitted_at);
create index review_incentive_month on review (shop_id, customer_id, incentive_awarded_at) where incentivized;

-- One answer per order and survey type; the first answer stands.
create table survey_response (
    shop_id      bigint      not null,
    order_id     bigint      not null,
    survey_type  text        not null check (survey_type in ('NPS', 'CSAT')),
    score        smallint    not null,
    comment      text        check (length(comment) <= 1000),
    responded_at timestamptz not null,
    primary key (shop_id, order_id, survey_type),
    foreign key (shop_id, order_id) references shop_order (shop_id, order_id),
    check ((survey_type = 'NPS' and score between 0 and 10) or (survey_type = 'CSAT' and score between 1 and 5))
);
