package io.loyaltyloop.admin.dashboard;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.metrics.MetricsService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admin's home: the shop's KPIs and charts for the period in the query string. Always the
 * signed-in user's shop — there is no shop parameter to forge. A refused period answers 400 with the
 * same page (or fragment) showing why, the picker still holding what was entered.
 */
@Controller
class DashboardController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

    private final ShopService shops;
    private final MetricsService metrics;
    private final Clock clock;

    DashboardController(ShopService shops, MetricsService metrics, Clock clock) {
        this.shops = shops;
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping({"/admin", "/admin/", "/admin/dashboard"})
    String dashboard(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "range", required = false) String range,
            @RequestParam(name = "from", required = false) String from,
            @RequestParam(name = "to", required = false) String to,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        Shop shop = shops.getShop(user.shop());
        model.addAttribute("page", "dashboard");
        model.addAttribute("shop", shop);
        model.addAttribute("ranges", PeriodChoice.Range.values());
        model.addAttribute("contactEmail", shops.contactEmail(user.shop()).orElse(null));
        LocalDate today = LocalDate.ofInstant(clock.instant(), shop.timezone());
        try {
            PeriodChoice choice = PeriodChoice.parse(range, from, to, today);
            model.addAttribute("choice", choice);
            model.addAttribute(
                    "view",
                    DashboardView.of(
                            metrics.dashboard(shop.id(), choice.period()),
                            metrics.series(shop.id(), choice.period(), choice.bucket())));
            model.addAttribute("bucket", choice.bucket().name().toLowerCase(Locale.ROOT));
            model.addAttribute("entered", new Entered(choice.range().key(), choice.from(), choice.to()));
            model.addAttribute("periodLabel", label(choice));
        } catch (InvalidPeriodException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rejection", e.getMessage());
            model.addAttribute("entered", new Entered(range, from, to));
        }
        return AdminPages.view(htmx, "admin/dashboard");
    }

    private static String label(PeriodChoice choice) {
        return DAY.format(choice.period().from()) + " – "
                + DAY.format(choice.period().to().minusDays(1));
    }

    /** What the merchant entered, to show it back in the picker after a refusal. */
    record Entered(String range, String from, String to) {}
}
