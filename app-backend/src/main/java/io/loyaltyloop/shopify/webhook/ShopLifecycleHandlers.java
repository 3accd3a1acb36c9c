package io.loyaltyloop.shopify.webhook;

import io.loyaltyloop.journey.JourneyService;
import io.loyaltyloop.privacy.PrivacyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.auth.AccessTokenStore;
import io.loyaltyloop.shopify.importing.OrderImportFinisher;
import io.loyaltyloop.shopify.mapping.Payload;
import io.loyaltyloop.shopify.mapping.ShopifyMapping;
import io.loyaltyloop.shopify.mapping.ShopifyMappingException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The inbox topics that are about the shop or the host's privacy requests rather than order facts
 * ({@link ShopifyMapping.HandledElsewhere}): uninstall, data request, shop erasure, and the end of
 * the historical import's bulk operation. {@code
 * customers/redact} is an engine event and does not come here.
 */
@Component
public class ShopLifecycleHandlers {

    private static final Logger log = LoggerFactory.getLogger(ShopLifecycleHandlers.class);

    /** Topics that need nothing from us when we hold no shop for the domain. */
    private static final Set<String> NOTHING_HELD_WITHOUT_SHOP =
            Set.of("app/uninstalled", "customers/data_request", "customers/redact", "shop/redact");

    private final ShopService shops;
    private final PrivacyService privacy;
    private final InboxRepository inbox;
    private final AccessTokenStore tokens;
    private final OrderImportFinisher imports;
    private final JourneyService journeys;
    private final Clock clock;

    public ShopLifecycleHandlers(
            ShopService shops,
            PrivacyService privacy,
            InboxRepository inbox,
            AccessTokenStore tokens,
            OrderImportFinisher imports,
            JourneyService journeys,
            Clock clock) {
        this.shops = shops;
        this.privacy = privacy;
        this.inbox = inbox;
        this.tokens = tokens;
        this.imports = imports;
        this.journeys = journeys;
        this.clock = clock;
    }

    /**
     * Handles the delivery for its shop, installed or not. Returns the reason to park it, or empty
     * when it is done; throws {@link ShopifyMappingException} for a body it cannot read, and any
     * other exception when it should be retried (every handler is idempotent).
     */
    Optional<String> handle(WebhookDelivery d, Shop shop) {
        switch (d.topic()) {
            case "app/uninstalled" -> {
                shops.uninstall(shop.id(), d.triggeredAt() != null ? d.triggeredAt() : clock.instant());
                tokens.forget(shop.id());
                // Planned emails stay visible in the timeline as cancelled; a reinstall plans anew.
                journeys.cancelForShop(shop.id(), "shop uninstalled");
            }
            case "customers/data_request" -> {
                JsonNode body = Payload.parse(d.payload());
                privacy.exportCustomerData(
                        shop.id(),
                        Payload.id(body.path("data_request"), "id"),
                        Payload.id(body.path("customer"), "id"));
            }
            case "shop/redact" -> {
                privacy.eraseShop(shop.id());
                inbox.deleteShopDeliveriesExcept(d);
            }
            // Reads the whole result file before returning; see OrderImportFinisher for retries.
            case "bulk_operations/finish" ->
                imports.finished(shop, d.payload()).ifPresent(note -> log.info("{}: {}", d.shopDomain(), note));
            default -> {
                return Optional.of("no handler for " + d.topic());
            }
        }
        return Optional.empty();
    }

    /**
     * For a delivery whose domain has no shop row: the note to mark it done with when there is
     * nothing of the shop to act on, or empty when it should wait (an order can race the install).
     */
    Optional<String> withoutShop(WebhookDelivery d) {
        if (!NOTHING_HELD_WITHOUT_SHOP.contains(d.topic())) {
            return Optional.empty();
        }
        if (d.topic().equals("shop/redact")) {
            // Deliveries that waited for an install that never came still hold the shop's data.
            inbox.deleteShopDeliveriesExcept(d);
        }
        return Optional.of("nothing held: no shop " + d.shopDomain());
    }
}
