package io.loyaltyloop.admin.program;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.journey.JourneyService;
import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The program settings and the journey's timing, and the reset of the timing to the deployment's
 * defaults. Both are read by the engine in each transaction (no cache): they apply from the next
 * event; journey steps already planned keep their due times.
 */
@Controller
class SettingsController {

    private final ProgramPage page;
    private final ShopService shops;
    private final JourneyService journeys;

    SettingsController(ProgramPage page, ShopService shops, JourneyService journeys) {
        this.page = page;
        this.shops = shops;
        this.journeys = journeys;
    }

    @PostMapping("/admin/program/settings")
    String settings(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "pendingDays", required = false) String pendingDays,
            @RequestParam(name = "expiryMonths", required = false) String expiryMonths,
            @RequestParam(name = "tierWindowMonths", required = false) String tierWindowMonths,
            @RequestParam(name = "allowNegativeBalance", required = false) String allowNegativeBalance,
            @RequestParam(name = "awardPriorOrders", required = false) String awardPriorOrders,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        SettingsForm form =
                SettingsForm.of(pendingDays, expiryMonths, tierWindowMonths, allowNegativeBalance, awardPriorOrders);
        if (!form.valid()) {
            response.setStatus(AdminPages.UNPROCESSABLE);
            model.addAttribute("settings", form);
            return section(user, htmx, model, "settings");
        }
        shops.updateSettings(user.shop(), form.toSettings(), user.actor());
        return saved(user, htmx, model, "settings", "settings");
    }

    @PostMapping("/admin/program/journey")
    String journey(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam Map<String, String> params,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        JourneyForm form = JourneyForm.of(params);
        if (!form.valid()) {
            response.setStatus(AdminPages.UNPROCESSABLE);
            model.addAttribute("journey", form);
            return section(user, htmx, model, "journey");
        }
        journeys.updateSettings(user.shop(), form.toSettings(), user.actor());
        return saved(user, htmx, model, "journey", "journey");
    }

    @PostMapping("/admin/program/journey/reset")
    String resetJourney(@AuthenticationPrincipal AdminUser user, HtmxRequest htmx, Model model) {
        journeys.resetSettings(user.shop(), user.actor());
        return saved(user, htmx, model, "journey", "journey-reset");
    }

    private String saved(AdminUser user, HtmxRequest htmx, Model model, String section, String what) {
        if (!htmx.isHtmxRequest()) {
            return ProgramPage.redirectSaved(what);
        }
        model.addAttribute("saved", what);
        return section(user, htmx, model, section);
    }

    private String section(AdminUser user, HtmxRequest htmx, Model model, String section) {
        if (!htmx.isHtmxRequest()) {
            return page.whole(user.shop(), model);
        }
        if (section.equals("settings")) {
            page.settings(user.shop(), model);
        } else {
            page.journey(user.shop(), model);
        }
        return ProgramPage.TEMPLATE + " :: " + section;
    }
}
