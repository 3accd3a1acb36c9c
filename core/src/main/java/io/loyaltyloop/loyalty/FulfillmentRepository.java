package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.FULFILLMENT;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.shop.ShopId;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

class FulfillmentRepository {

    private final DSLContext dsl;

    FulfillmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records the fulfillment; an update older than the one held is ignored. */
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
                .set(FULFILLMENT.STATUS, f.status())
                .set(FULFILLMENT.SHIPMENT_STATUS, f.shipmentStatus())
                .set(FULFILLMENT.TRACKING_COMPANY, f.trackingCompany())
                .set(FULFILLMENT.TRACKING_NUMBER, f.trackingNumber())
                .set(FULFILLMENT.TRACKING_URL, f.trackingUrl())
                .set(FULFILLMENT.SOURCE_UPDATED_AT, updatedAt)
                .where(FULFILLMENT.SOURCE_UPDATED_AT.le(updatedAt))
                .execute();
    }
}
