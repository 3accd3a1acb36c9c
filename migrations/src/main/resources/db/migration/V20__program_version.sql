-- A per-shop counter bumped by every change to what the storefront shows of a shop's program: the
-- shop row (name, currency, install status), its settings, earning rule, tiers, rewards and review
-- settings. Every backend instance caches a shop's program and checks this one row per storefront
-- call, so a change made through the admin — or any other path, on any instance — is seen on the
-- very next call without each writer having to remember to invalidate a cache.
--
-- Own table rather than a column on shop: the bump takes a row lock, and the shop row must stay
-- free for the engine's lock order (shop -> customer -> ledger). No row yet reads as version 0.
create table program_version (
    shop_id bigint not null primary key references shop (shop_id) on delete cascade,
    version bigint not null default 0 check (version >= 0)
);

create function program_version_bump() returns trigger language plpgsql as $$
declare
    changed bigint := case when tg_op = 'DELETE' then old.shop_id else new.shop_id end;
begin
    -- No row for a shop being deleted (its cascade) or erased (the shop/redact tombstone): the
    -- erasure deletes the row last, and an erased shop reads as version 0 with nothing to show.
    insert into program_version as v (shop_id, version)
    select changed, 1
    where exists (select 1 from shop where shop_id = changed and status <> 'REDACTED')
    on conflict (shop_id) do update set version = v.version + 1;
    return null;
end $$;

create trigger shop_program_version after update on shop
    for each row execute function program_version_bump();
create trigger program_settings_program_version after insert or update or delete on program_settings
    for each row execute function program_version_bump();
create trigger earning_rule_program_version after insert or update or delete on earning_rule
    for each row execute function program_version_bump();
create trigger tier_program_version after insert or update or delete on tier
    for each row execute function program_version_bump();
create trigger reward_program_version after insert or update or delete on reward
    for each row execute function program_version_bump();
create trigger review_settings_program_version after insert or update or delete on review_settings
    for each row execute function program_version_bump();
