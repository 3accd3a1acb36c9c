-- Each installed Shopify shop's offline Admin API token pair, from token exchange. Since 2026-04
-- new public apps get expiring offline tokens: the access token lives about an hour and comes with
-- a refresh token, and every use of a refresh token replaces it. So the row is rewritten on every
-- refresh, under a row lock (SELECT ... FOR UPDATE) that makes concurrent callers on any backend
-- instance refresh once.
--
-- Both tokens are AES-GCM ciphertexts (nonce || ciphertext || tag) made by the backend with
-- LOYALTY_TOKEN_KEY and the shop id as associated data: a database dump alone yields no usable
-- token, and a value copied into another shop's row does not decrypt.

create table shop_access_token (
    shop_id                  bigint      not null primary key references shop (shop_id),
    access_token             bytea       not null,
    refresh_token            bytea,
    -- Scopes as Shopify granted them, comma-separated.
    scope                    text        not null,
    -- Null for a non-expiring token (an app older than the expiring-token rule).
    access_expires_at        timestamptz,
    refresh_expires_at       timestamptz,
    updated_at               timestamptz not null
);
