package io.loyaltyloop.admin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;

/** An installation without the app-backend's implementation of the port: the screen says so. */
class WithoutDeliveryHealthTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    ShopService shops;

    @Autowired
    MutableClock clock;

    @Test
    void theSectionsSayDeliveryHealthIsUnavailableAndARetryFindsNothing() {
        Shop shop = Shops.newShop(dsl);
        DeliverySections sections = new DeliverySections(Optional.empty(), shops, clock);
        ExtendedModelMap model = new ExtendedModelMap();

        sections.all(shop.id(), model);

        assertThat(model.get("healthAvailable")).isEqualTo(false);
        assertThat(model).doesNotContainKeys("webhooks", "emails", "rewardCodes");
        AdminUser owner = new AdminUser(shop.id().value(), shop.name(), "admin:o@shop.test", AdminRole.OWNER, null);
        assertThatThrownBy(() -> new WebhookRetryController(sections)
                        .retryAll(owner, HtmxRequest.empty(), new ExtendedModelMap()))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }
}
