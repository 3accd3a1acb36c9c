-- Test sends from the admin's email editor are outbox rows like any other (they go through the
-- same SMTP path and delivery log) with an idempotency key starting 'admin-test:' and no customer.
-- The editor allows a shop a few per hour; this partial index answers "how many in the last hour"
-- from the shop's test rows alone, however many real emails the shop has sent. The count runs
-- under a lock on the shop row, so the limit holds across instances.
create index email_outbox_admin_tests on email_outbox (shop_id, created_at)
    where idempotency_key like 'admin-test:%';
