-- Broadleaf Commerce sites (docs/broadleaf-wire.md). A site is a shop with platform BROADLEAF whose
-- platform_shop_key is the site id; this table adds what only a site has: the base URL the backend
-- calls (offer codes) and the shared secret both sides sign with.
--
-- Secrets are AES-GCM ciphertexts (nonce || ciphertext || tag) made with LOYALTY_TOKEN_KEY and the
-- shop id as associated data, like the Shopify tokens (V4): a database dump alone signs nothing. A
-- rotation keeps the previous secret valid until previous_valid_until (24 h), so the site can be
-- reconfigured without a window in which its deliveries are refused.
create table broadleaf_site (
    shop_id              bigint      not null primary key references shop (shop_id) on delete cascade,
    base_url             text        not null check (base_url ~ '^https?://[^/?#]+(/[^?#]*)?$' and length(base_url) <= 500),
    secret               bytea       not null,
    previous_secret      bytea,
    previous_valid_until timestamptz,
    rotated_at           timestamptz not null,
    check ((previous_secret is null) = (previous_valid_until is null))
);

-- Nonces of signed requests seen in the last 10 minutes, per site: a replayed request (same nonce)
-- is refused. Timestamps older than 300 s are refused anyway, so older rows are pruned.
create table broadleaf_nonce (
    shop_id bigint      not null references shop (shop_id) on delete cascade,
    nonce   text        not null check (nonce ~ '^[A-Za-z0-9_-]{22,64}$'),
    seen_at timestamptz not null,
    primary key (shop_id, nonce)
);
create index broadleaf_nonce_seen on broadleaf_nonce (seen_at);

-- The Broadleaf inbox: every event of a verified batch, stored before the edge answers, drained by
-- a worker into the engine with the same lease, backoff and parking as the Shopify inbox (V3).
-- Keyed by shop_id (unlike webhook_inbox): a batch is only accepted from a registered site.
-- (shop_id, event_id) is the site's outbox event identity: a redelivered event changes nothing.
create table broadleaf_inbox (
    shop_id         bigint      not null references shop (shop_id) on delete cascade,
    event_id        text        not null check (event_id ~ '^[A-Za-z0-9._:-]{1,64}$'),
    sequence        bigint      not null check (sequence > 0),
    type            text        not null check (length(type) between 1 and 50),
    occurred_at     timestamptz not null,
    received_at     timestamptz not null,
    -- The event's data object as the site sent it (text: kept exactly, for debugging).
    data            text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'PARKED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null,
    last_error      text,
    primary key (shop_id, event_id)
);
create index broadleaf_inbox_pending_idx on broadleaf_inbox (next_attempt_at, received_at) where status = 'PENDING';
