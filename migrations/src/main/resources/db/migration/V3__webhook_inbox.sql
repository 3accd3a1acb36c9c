-- The Shopify webhook inbox: every delivery whose HMAC verified, stored durably before the edge
-- answers 200, and drained later by a worker that turns it into lifecycle events. Shopify gives
-- up on a delivery after 5 s, so nothing but this insert happens inside the request.
--
-- Keyed by the shop's myshopify.com domain, not by shop_id, on purpose: a delivery can come from a
-- shop that has no shop row (yet, or any more) — a compliance webhook such as shop/redact arrives
-- 48 h after uninstall, and an orders webhook can race the install. The domain is what Shopify
-- sends on every delivery, so it is also the distribution key under Citus (by hash of the domain);
-- the worker resolves it to a shop_id when it applies the event.
--
-- (shop_domain, topic, event_id) is Shopify's delivery identity: at-least-once delivery and
-- retries repeat the same X-Shopify-Event-Id, so a duplicate insert conflicts and changes nothing.

create table webhook_inbox (
    shop_domain     text        not null check (shop_domain ~ '^[a-zA-Z0-9][a-zA-Z0-9-]*\.myshopify\.com$'),
    topic           text        not null check (length(topic) between 1 and 100),
    event_id        text        not null check (length(event_id) between 1 and 255),
    webhook_id      text,
    api_version     text,
    triggered_at    timestamptz,
    received_at     timestamptz not null default now(),
    -- The body exactly as signed (UTF-8), not jsonb: jsonb reorders keys and drops whitespace, so
    -- the HMAC could no longer be re-checked against it when debugging.
    payload         text        not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'PARKED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    primary key (shop_domain, topic, event_id)
);

-- The worker's claim: due PENDING rows, oldest first. Partial, so DONE rows cost it nothing.
create index webhook_inbox_pending_idx on webhook_inbox (next_attempt_at, received_at) where status = 'PENDING';
