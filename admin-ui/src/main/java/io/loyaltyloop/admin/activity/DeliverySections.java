package io.loyaltyloop.admin.activity;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the model for the delivery health sections, shared by the page and the retry answers.
 * Without a {@link DeliveryHealth} bean the page says the sections are unavailable.
 */
@Component
class DeliverySections {

    static final int PARKED_SHOWN = 50;
    static final int FAILED_EMAILS_SHOWN = 20;
    static final int REDEMPTIONS_SHOWN = 20;

    private final Optional<DeliveryHealth> health;
    private final ShopService shops;
    private final Clock clock;

    DeliverySections(Optional<DeliveryHealth> health, ShopService shops, Clock clock) {
        this.health = health;
        this.shops = shops;
        this.clock = clock;
    }

    Optional<DeliveryHealth> health() {
        return health;
    }

    ShopTimes times(ShopId shop) {
        return new ShopTimes(shops.getShop(shop).timezone(), clock.instant());
    }

    /** Everything: webhooks, emails and reward codes. */
    void all(ShopId shop, Model model) {
        model.addAttribute("page", "activity");
        model.addAttribute("times", times(shop));
        model.addAttribute("healthAvailable", health.isPresent());
        health.ifPresent(h -> {
            model.addAttribute("webhooks", h.webhooks(shop, PARKED_SHOWN));
            model.addAttribute("emails", h.emails(shop, FAILED_EMAILS_SHOWN));
            model.addAttribute("rewardCodes", h.rewardCodes(shop, REDEMPTIONS_SHOWN));
        });
    }

    /** Only the webhooks section, after a retry. */
    void webhooks(DeliveryHealth h, ShopId shop, Model model) {
        model.addAttribute("page", "activity");
        model.addAttribute("times", times(shop));
        model.addAttribute("healthAvailable", true);
        model.addAttribute("webhooks", h.webhooks(shop, PARKED_SHOWN));
    }
}
