package io.loyaltyloop.admin.shell;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The screens of the admin issue not built yet: each says what it will hold. */
@Controller
class ComingScreensController {

    record Screen(String title, String summary) {}

    static final Map<String, Screen> SCREENS = Map.of(
            "program",
            new Screen(
                    "Program",
                    "Earning rules, rewards, tiers, the pending period, expiry, journey delays and quiet hours,"
                            + " with a dry run before saving."),
            "emails",
            new Screen(
                    "Emails",
                    "The template editor with a live preview on sample data, test sends, and each kind on or off."),
            "activity",
            new Screen(
                    "Activity",
                    "The audit log of admin actions, the webhook inbox and delivery health (parked messages, retry)."));

    @GetMapping("/admin/{screen:program|emails|activity}")
    String screen(@PathVariable String screen, HtmxRequest htmx, Model model) {
        Screen found = SCREENS.get(screen);
        if (found == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("page", screen);
        model.addAttribute("screen", found);
        return AdminPages.view(htmx, "admin/coming");
    }
}
