package io.loyaltyloop.admin.activity;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Retrying parked webhooks: one (by topic and event id, within the signed-in user's shop) or all of
 * the shop's. Only OWNERs get here (the security chain refuses STAFF and requests without CSRF
 * token). htmx gets the webhooks section back; a plain form is redirected to the page (PRG).
 * Another shop's delivery is not found (404); a delivery that is not parked is a conflict (409).
 */
@Controller
class WebhookRetryController {

    /** Shopify's topics: lower-case words joined by slashes ({@code orders/paid}, {@code app/uninstalled}). */
    private static final Pattern TOPIC = Pattern.compile("[a-z_]{1,40}(/[a-z_]{1,40}){1,3}");
    /** Event ids are Shopify's (a UUID) or, for the inbox's key, any text up to 255 visible characters. */
    private static final Pattern EVENT_ID = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final DeliverySections sections;

    WebhookRetryController(DeliverySections sections) {
        this.sections = sections;
    }

    @PostMapping("/admin/activity/webhooks/retry")
    String retry(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "topic", required = false) String topic,
            @RequestParam(name = "event", required = false) String event,
            HtmxRequest htmx,
            Model model) {
        if (topic == null || !TOPIC.matcher(topic).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "topic is not a webhook topic");
        }
        if (event == null || !EVENT_ID.matcher(event).matches()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "event is not an event id");
        }
        DeliveryHealth health = health();
        switch (health.retry(user.shop(), user.actor(), topic, event)) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such delivery");
            case NOT_PARKED -> throw new ResponseStatusException(HttpStatus.CONFLICT, "the delivery is not parked");
            case RETRIED -> {
                // answered below
            }
        }
        return answer(health, user, 1, htmx, model);
    }

    @PostMapping("/admin/activity/webhooks/retry-all")
    String retryAll(@AuthenticationPrincipal AdminUser user, HtmxRequest htmx, Model model) {
        DeliveryHealth health = health();
        int retried = health.retryAllParked(user.shop(), user.actor());
        return answer(health, user, retried, htmx, model);
    }

    private String answer(DeliveryHealth health, AdminUser user, int retried, HtmxRequest htmx, Model model) {
        if (!htmx.isHtmxRequest()) {
            return "redirect:/admin/activity?retried=" + retried;
        }
        sections.webhooks(health, user.shop(), model);
        model.addAttribute("retried", retried);
        return "admin/activity :: webhooks";
    }

    private DeliveryHealth health() {
        return sections.health()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no webhook inbox here"));
    }
}
