-- Where merchant alerts (SHIPMENT_STUCK_ALERT) go: the shop owner's email, read from the host at
-- install (Shopify's Shop.email) or set by the merchant. Null: merchant alerts are skipped. The
-- check is a sanity bound, not RFC 5322: one @, no spaces, a dot in the domain.
alter table shop
    add column contact_email text
        check (contact_email is null
               or (length(contact_email) <= 254 and contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'));
