-- Uninstall and privacy (Shopify's mandatory compliance webhooks).
--
-- shop/redact erases every tenant row of a shop but keeps the shop row as a tombstone, status
-- REDACTED and its name blanked: the row holds nothing personal, and it lets the worker recognise
-- late deliveries for an erased shop (and a reinstall reactivate the same key) instead of
-- retrying them as "not installed yet".
alter table shop drop constraint shop_status_check;
alter table shop add constraint shop_status_check check (status in ('ACTIVE', 'UNINSTALLED', 'REDACTED'));

-- The answer to a customers/data_request: the customer's data as we held it when asked, kept so the
-- merchant can fetch it later (the host gives us no way to hand it back in the webhook's response).
-- One row per request: Shopify retries a delivery, and the first answer stands.
create table data_request_export (
    shop_id              bigint      not null references shop (shop_id) on delete cascade,
    data_request_id      text        not null check (length(data_request_id) between 1 and 64),
    customer_external_id text        not null check (length(customer_external_id) between 1 and 64),
    created_at           timestamptz not null default now(),
    payload              jsonb       not null,
    primary key (shop_id, data_request_id)
);
