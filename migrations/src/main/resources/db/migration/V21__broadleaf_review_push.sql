-- Reviews of Broadleaf sites to write to the site's own ratings (POST {siteUrl}/loyalty-loop/reviews,
-- docs/broadleaf-wire.md). The trigger below adds a row in the same transaction that publishes the
-- review, whichever path publishes it (the form's auto-publish, the merchant's approval, approve
-- all), so a crash between publishing and pushing loses nothing. Only Broadleaf shops get rows.
--
-- A sweep takes due PENDING rows with a lease on next_attempt_at (skip locked) and sends them;
-- DONE once the site answered 200, GAVE_UP with the reason when it refused (a 4xx it will refuse
-- again) or when the review cannot be sent (no customer, redacted, no longer published).
create table broadleaf_review_push (
    shop_id         bigint      not null,
    review_id       bigint      not null,
    status          text        not null default 'PENDING' check (status in ('PENDING', 'DONE', 'GAVE_UP')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    last_error      text        check (length(last_error) <= 1000),
    -- The site's answer: false when its setting loyaltyloop.reviews.write-to-broadleaf is off.
    stored          boolean,
    created_at      timestamptz not null default now(),
    finished_at     timestamptz,
    primary key (shop_id, review_id),
    foreign key (shop_id, review_id) references review (shop_id, review_id) on delete cascade,
    check ((status = 'PENDING') = (finished_at is null))
);
create index broadleaf_review_push_due on broadleaf_review_push (next_attempt_at) where status = 'PENDING';

create function broadleaf_review_push_mark() returns trigger language plpgsql as $$
begin
    -- A review published again after a rejection is not pushed twice: the site keeps it by review id.
    insert into broadleaf_review_push (shop_id, review_id)
    select new.shop_id, new.review_id
    from shop
    where shop.shop_id = new.shop_id and shop.platform = 'BROADLEAF'
    on conflict (shop_id, review_id) do nothing;
    return null;
end;
$$;

create trigger review_broadleaf_push_insert
    after insert on review
    for each row when (new.status = 'PUBLISHED')
    execute function broadleaf_review_push_mark();

create trigger review_broadleaf_push_update
    after update of status on review
    for each row when (new.status = 'PUBLISHED' and old.status is distinct from new.status)
    execute function broadleaf_review_push_mark();
