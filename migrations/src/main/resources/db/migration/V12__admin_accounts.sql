-- Local admin accounts for the standalone admin (Broadleaf sites, or direct use without Shopify's
-- embedded admin). Embedded Shopify users never get a row: their session token names the shop.
-- The email is unique per shop, compared case-insensitively (lower-cased on the way in); the same
-- person may hold accounts in several shops. STAFF may read everything and change nothing.
create table admin_account (
    shop_id          bigint      not null references shop (shop_id) on delete cascade,
    admin_account_id bigint generated always as identity,
    email            text        not null
        check (length(email) <= 254 and email = lower(email)
               and email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
    -- bcrypt, as Spring Security writes it ({bcrypt} prefix not included): $2a$/$2b$/$2y$, cost, salt+hash.
    password_hash    text        not null check (password_hash ~ '^\$2[aby]\$[0-9]{2}\$.{53}$'),
    role             text        not null check (role in ('OWNER', 'STAFF')),
    created_at       timestamptz not null default now(),
    last_login_at    timestamptz,
    primary key (shop_id, admin_account_id),
    unique (shop_id, email)
);
