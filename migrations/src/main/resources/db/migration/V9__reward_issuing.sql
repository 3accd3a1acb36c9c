-- Shopify-side work that follows the ledger: creating reward codes for RESERVED redemptions, and
-- mirroring each customer's available balance into an app-owned customer metafield.

-- One row per redemption the issuer has seen: how often it tried, why the last try failed, and when
-- it may try again. The redemption itself stays the truth (RESERVED, ISSUED, FAILED); this row is
-- only the retry schedule, and a lease (next_attempt_at moved past the call) keeps two instances
-- from sending the same redemption at once.
create table redemption_issue (
    shop_id         bigint      not null,
    redemption_id   bigint      not null,
    attempts        integer     not null default 0 check (attempts >= 0),
    last_error      text        check (length(last_error) <= 1000),
    last_attempt_at timestamptz,
    next_attempt_at timestamptz not null,
    primary key (shop_id, redemption_id),
    foreign key (shop_id, redemption_id) references redemption (shop_id, redemption_id) on delete cascade
);
create index redemption_issue_due on redemption_issue (next_attempt_at);

-- The balance last written to each customer's metafield. "dirty" is set by the trigger below in the
-- same transaction as the balance change, so the mirror job reads a small partial index instead of
-- comparing every account at every run, and a change can never be missed by a crash.
create table points_mirror (
    shop_id            bigint      not null,
    customer_id        bigint      not null,
    dirty              boolean     not null default true,
    mirrored_available bigint,
    mirrored_at        timestamptz,
    attempts           integer     not null default 0 check (attempts >= 0),
    last_error         text        check (length(last_error) <= 1000),
    next_attempt_at    timestamptz,
    primary key (shop_id, customer_id),
    foreign key (shop_id, customer_id) references customer (shop_id, customer_id) on delete cascade
);
create index points_mirror_dirty on points_mirror (shop_id, next_attempt_at) where dirty;

create function points_mirror_mark_dirty() returns trigger language plpgsql as $$
begin
    insert into points_mirror (shop_id, customer_id, dirty)
    values (new.shop_id, new.customer_id, true)
    on conflict (shop_id, customer_id) do update set dirty = true where not points_mirror.dirty;
    return null;
end;
$$;

create trigger points_account_mirror_update
    after update of available on points_account
    for each row when (old.available is distinct from new.available)
    execute function points_mirror_mark_dirty();

-- A new account starts at 0, which the theme shows for a missing metafield anyway: only changes
-- need a write. Accounts that existed before this migration have never been mirrored.
insert into points_mirror (shop_id, customer_id, dirty)
select shop_id, customer_id, true from points_account where available <> 0
on conflict do nothing;
