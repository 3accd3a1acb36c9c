package io.loyaltyloop.shopify.mapping;

import static io.loyaltyloop.shopify.mapping.Deliveries.edited;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.lifecycle.CustomerRedacted;
import io.loyaltyloop.lifecycle.CustomerSnapshot;
import io.loyaltyloop.lifecycle.CustomerUpserted;
import io.loyaltyloop.lifecycle.OrderLifecycleEvent;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerMappingTest {

    static final ShopId SHOP = new ShopId(7);
    static final Instant MIDNIGHT_UTC = Instant.parse("2022-01-01T00:00:00Z");

    final ShopifyEventMapper mapper = new ShopifyEventMapper();

    List<OrderLifecycleEvent> events(ShopifyDelivery delivery) {
        return ((ShopifyMapping.Events) mapper.map(delivery, SHOP)).events();
    }

    CustomerSnapshot customer(ShopifyDelivery delivery) {
        return ((CustomerUpserted) events(delivery).getFirst()).customer();
    }

    @Test
    void mapsTheExampleCustomerCreate() {
        // when
        List<OrderLifecycleEvent> events = events(Deliveries.of("customers/create"));

        // then the example has neither consent object nor accepts_marketing: no consent
        assertThat(events)
                .containsExactly(new CustomerUpserted(
                        SHOP,
                        "customers/create:" + Deliveries.EVENT_ID,
                        MIDNIGHT_UTC,
                        new CustomerSnapshot(
                                "706405506930370084", "bob@biller.com", "Bob", "Biller", null, false, MIDNIGHT_UTC)));
    }

    @Test
    void mapsCustomersUpdateLikeCreateSoTheAddressStaysCurrent() {
        // given Shopify sends the same customer object for customers/update
        ShopifyDelivery update = Deliveries.withBody("customers/update", Deliveries.fixture("customers/create"));

        // when
        List<OrderLifecycleEvent> events = events(update);

        // then
        assertThat(events).singleElement().isInstanceOfSatisfying(CustomerUpserted.class, e -> {
            assertThat(e.sourceEventId()).isEqualTo("customers/update:" + Deliveries.EVENT_ID);
            assertThat(e.customer().email()).isEqualTo("bob@biller.com");
        });
    }

    @Test
    void takesMarketingConsentFromEmailMarketingConsentStateBeforeAcceptsMarketing() {
        // given
        var subscribed = edited(
                "customers/create",
                c -> c.putObject("email_marketing_consent")
                        .put("state", "subscribed")
                        .put("opt_in_level", "single_opt_in"));
        var unsubscribedButLegacyTrue = edited("customers/create", c -> {
            c.putObject("email_marketing_consent").put("state", "not_subscribed");
            c.put("accepts_marketing", true);
        });
        var legacyOnly = edited("customers/create", c -> c.put("accepts_marketing", true));

        // when / then
        assertThat(customer(subscribed).acceptsMarketing()).isTrue();
        assertThat(customer(unsubscribedButLegacyTrue).acceptsMarketing()).isFalse();
        assertThat(customer(legacyOnly).acceptsMarketing()).isTrue();
    }

    @Test
    void carriesTheCustomersLocaleWhenPresent() {
        // given
        var delivery = edited("customers/create", c -> c.put("locale", "fr-CA"));

        // when / then
        assertThat(customer(delivery).locale()).isEqualTo("fr-CA");
    }

    @Test
    void mapsCustomersRedactToCustomerRedactedAtTriggeredAt() {
        // when
        List<OrderLifecycleEvent> events = events(Deliveries.of("customers/redact"));

        // then
        assertThat(events)
                .containsExactly(new CustomerRedacted(
                        SHOP,
                        "customers/redact:" + Deliveries.EVENT_ID,
                        Deliveries.TRIGGERED_AT,
                        "191167",
                        List.of("299938", "280263", "220458")));
    }

    @Test
    void refusesOrdersToRedactThatAreNotAListOfIds() {
        var notAList = edited("customers/redact", r -> r.put("orders_to_redact", "299938"));
        var floatId =
                edited("customers/redact", r -> r.putArray("orders_to_redact").add(2.99938e5));

        assertThatThrownBy(() -> mapper.map(notAList, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageContaining("orders_to_redact");
        assertThatThrownBy(() -> mapper.map(floatId, SHOP))
                .isInstanceOf(ShopifyMappingException.class)
                .hasMessageContaining("orders_to_redact");
    }
}
