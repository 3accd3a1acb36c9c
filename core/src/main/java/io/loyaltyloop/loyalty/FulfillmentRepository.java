package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.FULFILLMENT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.shop.ShopId;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;

class FulfillmentRepository {

    private final DSLContext dsl;

    FulfillmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static Field<String> keep(Field<String> column) {
        return coalesce(excluded(column), column);
    }

    /**
     * Records the fulfillment; an update older than the one held is ignored, and a newer one without
     * tracking or shipment status keeps the ones held.
     */
    void upsert(ShopId shop, long orderId, FulfillmentUpdated f) {
        var updatedAt = f.updatedAt().atOffset(ZoneOffset.UTC);
        dsl.insertInto(FULFILLMENT)
                .set(FULFILLMENT.SHOP_ID, shop.value())
                .set(FULFILLMENT.ORDER_ID, orderId)
                .set(FULFILLMENT.EXTERNAL_FULFILLMENT_ID, f.externalFulfillmentId())
                .set(FULFILLMENT.STATUS, f.status())
                .set(FULFILLMENT.SHIPMENT_STATUS, f.shipmentStatus())
                .set(FULFILLMENT.TRACKING_COMPANY, f.trackingCompany())
                .set(FULFILLMENT.TRACKING_NUMBER, f.trackingNumber())
                .set(FULFILLMENT.TRACKING_URL, f.trackingUrl())
                .set(FULFILLMENT.SOURCE_UPDATED_AT, updatedAt)
                .onConflict(FULFILLMENT.SHOP_ID, FULFILLMENT.ORDER_ID, FULFILLMENT.EXTERNAL_FULFILLMENT_ID)
                .doUpdate()
                // A newer update that lacks tracking or shipment status (a carrier event says only
                // "in transit") keeps what an earlier update told.
                .set(FULFILLMENT.STATUS, f.status())
                .set(FULFILLMENT.SHIPMENT_STATUS, keep(FULFILLMENT.SHIPMENT_STATUS))
                .set(FULFILLMENT.TRACKING_COMPANY, keep(FULFILLMENT.TRACKING_COMPANY))
                .set(FULFILLMENT.TRACKING_NUMBER, keep(FULFILLMENT.TRACKING_NUMBER))
                .set(FULFILLMENT.TRACKING_URL, keep(FULFILLMENT.TRACKING_URL))
                .set(FULFILLMENT.SOURCE_UPDATED_AT, updatedAt)
                .where(FULFILLMENT.SOURCE_UPDATED_AT.le(updatedAt))
                .execute();
    }

    /**
     * Forgets the tracking of a redacted customer's orders: a tracking number or link leads to the
     * parcel's address. Status and carrier stay (they are facts about the order, not the person).
     */
    void eraseTracking(ShopId shop, String externalCustomerId, List<String> externalOrderIds) {
        dsl.update(FULFILLMENT)
                .set(FULFILLMENT.TRACKING_NUMBER, (String) null)
                .set(FULFILLMENT.TRACKING_URL, (String) null)
                .where(FULFILLMENT.SHOP_ID.eq(shop.value()))
                .and(FULFILLMENT.ORDER_ID.in(OrdersToRedact.of(shop, externalCustomerId, externalOrderIds)))
                .execute();
    }
}
