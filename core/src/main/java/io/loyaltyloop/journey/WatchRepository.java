package io.loyaltyloop.journey;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The conditions no event announces, found by time passing: shipments that stopped moving and
 * points about to expire. Across shops, like the release and expiry jobs of the loyalty engine.
 */
class WatchRepository {

    /** Older silences are history, not news: a first run must not alert on last year's parcels. */
    private static final String STUCK_LOOKBACK = "60 days";

    private final DSLContext dsl;

    WatchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    record StuckShipment(ShopId shop, long orderId, String fulfillmentId, Long customerId) {}

    /** Tracked fulfillments of live orders, not delivered, silent for the shop's threshold, not yet noticed. */
    List<StuckShipment> stuckShipments(Instant now, long defaultStuckAfterSeconds, int limit) {
        return dsl.fetch("""
            select f.shop_id, f.order_id, f.external_fulfillment_id, o.customer_id
            from fulfillment f
            join shop s on s.shop_id = f.shop_id and s.status = 'ACTIVE'
            join shop_order o on o.shop_id = f.shop_id and o.order_id = f.order_id
            left join journey_settings js on js.shop_id = f.shop_id
            where f.status = 'success'
              and f.tracking_number is not null
              and f.shipment_status is distinct from 'delivered'
              and o.cancelled_at is null
              and f.source_updated_at <= ?::timestamptz
                  - make_interval(secs => coalesce(js.stuck_after_seconds, ?))
              and f.source_updated_at > ?::timestamptz - interval '%s'
              and not exists (
                  select 1 from journey_step j
                  where j.shop_id = f.shop_id
                    and j.subject = 'order:' || f.order_id || ':fulfillment:' || f.external_fulfillment_id
                    and j.kind = 'SHIPMENT_STUCK')
            limit ?\
            """.formatted(STUCK_LOOKBACK), utc(now), defaultStuckAfterSeconds, utc(now), limit)
                .map(r -> new StuckShipment(
                        new ShopId(r.get(0, Long.class)),
                        r.get(1, Long.class),
                        r.get(2, String.class),
                        r.get(3, Long.class)));
    }

    /** A step about the account's current expiry date (the subject is {@link JourneyStep#expirySubject}). */
    private static final String WARNING_OF_THIS_EXPIRY = """
        select 1 from journey_step j
        where j.shop_id = a.shop_id
          and j.subject = 'customer:' || a.customer_id || ':expiry:'
              || to_char(a.expires_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')\
        """;

    record ExpiringBalance(ShopId shop, long customerId, Instant expiresAt) {}

    /**
     * Accounts with available points expiring within the shop's warning period that still lack the
     * first warning for that expiry date, or are within the last-chance period and lack that one.
     */
    List<ExpiringBalance> expiringBalances(
            Instant now, long defaultWarningSeconds, long defaultLastChanceSeconds, int limit) {
        return dsl.fetch(
                        """
                        select a.shop_id, a.customer_id, a.expires_at
                        from points_account a
                        join shop s on s.shop_id = a.shop_id and s.status = 'ACTIVE'
                        join program_settings p on p.shop_id = a.shop_id and p.expiry_inactivity_months > 0
                        left join journey_settings js on js.shop_id = a.shop_id
                        where a.available > 0
                          and a.expires_at > ?::timestamptz
                          and a.expires_at <= ?::timestamptz
                              + make_interval(secs => coalesce(js.expiry_warning_seconds, ?))
                          and (not exists (%1$s and j.kind = 'POINTS_EXPIRING')
                               or (a.expires_at <= ?::timestamptz
                                       + make_interval(secs => coalesce(js.last_chance_seconds, ?))
                                   and not exists (%1$s and j.kind = 'POINTS_LAST_CHANCE')))
                        order by a.expires_at
                        limit ?\
                        """.formatted(WARNING_OF_THIS_EXPIRY),
                        utc(now),
                        utc(now),
                        defaultWarningSeconds,
                        utc(now),
                        defaultLastChanceSeconds,
                        limit)
                .map(r -> new ExpiringBalance(
                        new ShopId(r.get(0, Long.class)),
                        r.get(1, Long.class),
                        r.get(2, OffsetDateTime.class).toInstant()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
