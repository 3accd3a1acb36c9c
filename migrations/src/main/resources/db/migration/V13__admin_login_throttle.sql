-- Failed standalone admin logins, counted per (store, email) and per client address, so a password
-- cannot be guessed at speed (AdminLoginThrottle). The key is a SHA-256 of what is counted, never
-- the email or address itself: no personal data at rest, and unknown stores and emails are counted
-- exactly like real ones (no shop_id: the store typed in may not exist). One row per key, updated in
-- place by an upsert, so every instance sees the same count. Rows whose window and lock are over are
-- deleted as new failures come in.
create table admin_login_throttle (
    throttle_key      bytea       primary key check (length(throttle_key) = 32),
    failures          integer     not null check (failures > 0),
    window_started_at timestamptz not null,
    locked_until      timestamptz
);

create index admin_login_throttle_window on admin_login_throttle (window_started_at);
