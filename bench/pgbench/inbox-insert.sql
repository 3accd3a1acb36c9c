-- P1's insert ceiling in PostgreSQL itself: the row InboxRepository.store writes per webhook
-- (same columns, same values, ON CONFLICT DO NOTHING), one autocommitted statement per
-- transaction. :payload is the 14,893-byte fixture, passed with pgbench -D and bound as a
-- parameter (-M prepared), as pgjdbc binds it. Run by bench/run p1-compare.
\set id random(1, 9000000000000000000)
\set shop random(0, 99)
insert into webhook_inbox (shop_domain, topic, event_id, webhook_id, api_version, triggered_at,
    received_at, payload, status, next_attempt_at)
values ('bench-shop-' || :shop || '.myshopify.com', 'orders/create', :id, 'wh-' || :id, '2026-07', now(),
    now(), :payload, 'PENDING', now())
on conflict do nothing;
