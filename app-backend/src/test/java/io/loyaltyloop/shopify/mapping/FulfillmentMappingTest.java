package io.loyaltyloop.shopify.mapping;

import static io.loyaltyloop.shopify.mapping.Deliveries.edited;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.lifecycle.FulfillmentUpdated;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FulfillmentMappingTest {

    static final ShopId SHOP = new ShopId(7);
    static final Instant MIDNIGHT_UTC = Instant.parse("2022-01-01T00:00:00Z");
    static final String UPS_URL = "https://www.ups.com/WebTracking?loc=en_US&requester=ST&trackNums=1z827wk74630";

    final ShopifyEventMapper mapper = new ShopifyEventMapper();

    FulfillmentUpdated only(ShopifyDelivery delivery) {
        var events = ((ShopifyMapping.Events) mapper.map(delivery, SHOP)).events();
        assertThat(events).hasSize(1);
        return (FulfillmentUpdated) events.getFirst();
    }

    @Test
    void mapsTheExampleFulfillmentUpdateAndCreate() {
        for (String topic : List.of("fulfillments/update", "fulfillments/create")) {
            // when
            FulfillmentUpdated update = only(Deliveries.of(topic));

            // then
            assertThat(update)
                    .isEqualTo(new FulfillmentUpdated(
                            SHOP,
                            topic + ":" + Deliveries.EVENT_ID,
                            MIDNIGHT_UTC,
                            "820982911946154508",
                            "123456",
                            "pending",
                            null,
                            "UPS",
                            "1z827wk74630",
                            UPS_URL,
                            MIDNIGHT_UTC));
        }
    }

    @Test
    void takesTheFirstTrackingNumberAndUrlWhenTheSingularIsAbsent() {
        // given
        var delivery = edited("fulfillments/update", f -> {
            f.putNull("tracking_number");
            f.remove("tracking_url");
            f.putArray("tracking_numbers").add("1Z-FIRST").add("1Z-SECOND");
            f.putArray("tracking_urls").add("https://t.example/first").add("https://t.example/second");
            f.put("shipment_status", "delivered");
        });

        // when
        FulfillmentUpdated update = only(delivery);

        // then
        assertThat(update.trackingNumber()).isEqualTo("1Z-FIRST");
        assertThat(update.trackingUrl()).isEqualTo("https://t.example/first");
        assertThat(update.shipmentStatus()).isEqualTo("delivered");
    }

    @Test
    void dropsATrackingUrlThatIsNotHttpRatherThanRefusingTheFulfillment() {
        // given
        var delivery = edited("fulfillments/update", f -> f.put("tracking_url", "javascript:alert(1)"));

        // when
        FulfillmentUpdated update = only(delivery);

        // then
        assertThat(update.trackingUrl()).isNull();
        assertThat(update.trackingNumber()).isEqualTo("1z827wk74630");
    }

    @Test
    void mapsAFulfillmentEventToItsFulfillmentAsShipmentStatusAtHappenedAt() {
        // given the example, and a variant where the carrier scan predates Shopify recording it
        var scannedEarlier =
                edited("fulfillment_events/create", e -> e.put("happened_at", "2021-12-31T18:30:00-05:00"));

        // when
        FulfillmentUpdated update = only(Deliveries.of("fulfillment_events/create"));
        FulfillmentUpdated earlier = only(scannedEarlier);

        // then
        assertThat(update)
                .isEqualTo(new FulfillmentUpdated(
                        SHOP,
                        "fulfillment_events/create:" + Deliveries.EVENT_ID,
                        MIDNIGHT_UTC,
                        "820982911946154508",
                        "123456",
                        "success",
                        "in_transit",
                        null,
                        null,
                        null,
                        MIDNIGHT_UTC));
        assertThat(earlier.updatedAt()).isEqualTo(Instant.parse("2021-12-31T23:30:00Z"));
    }
}
