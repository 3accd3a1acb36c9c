-- The historical orders import of a Shopify shop: one Shopify bulk query over every order, whose
-- JSONL result is streamed into the engine. A row is written when the shop installs (PENDING, so a
-- Shopify outage only delays the start), gets the bulk operation's id once Shopify accepted it
-- (RUNNING), and ends COMPLETED, FAILED or CANCELED when the bulk_operations/finish webhook has
-- been handled. Rows hold counts and Shopify's error codes, no personal data.

create table order_import (
    shop_id         bigint      not null references shop (shop_id) on delete cascade,
    import_id       bigint generated always as identity,
    -- gid://shopify/BulkOperation/…; null until Shopify accepted the bulk query.
    operation_id    text        check (length(operation_id) between 1 and 255),
    status          text        not null default 'PENDING'
                                check (status in ('PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELED')),
    -- Attempts to start the bulk query (Shopify unreachable, or another bulk query still running).
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    requested_at    timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    -- Orders read from the file; events the engine applied, rejected, or already had (a re-run).
    orders_read     bigint      not null default 0 check (orders_read >= 0),
    events_applied  bigint      not null default 0 check (events_applied >= 0),
    events_rejected bigint      not null default 0 check (events_rejected >= 0),
    events_skipped  bigint      not null default 0 check (events_skipped >= 0),
    -- While a worker reads the result file: until when it holds it (extended after every batch), so
    -- a second instance given the same webhook after the inbox lease ran out does not read it too.
    reading_until   timestamptz,
    -- Shopify's errorCode for a failed operation, or why the start or the read failed last.
    error           text,
    primary key (shop_id, import_id),
    -- Running means Shopify accepted it; an import can also fail or be canceled before it started.
    check (operation_id is not null or status in ('PENDING', 'FAILED', 'CANCELED'))
);

-- Shopify runs one bulk query per shop at a time, and so do we: one unfinished import per shop.
create unique index order_import_one_open_per_shop on order_import (shop_id) where status in ('PENDING', 'RUNNING');
-- The starter's claim: due PENDING rows.
create index order_import_due_idx on order_import (next_attempt_at) where status = 'PENDING';
-- The finish webhook names the operation.
create unique index order_import_operation_idx on order_import (shop_id, operation_id);
