package io.loyaltyloop.admin.shell;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.shop.ShopService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's home: which shop this is and how many members it has. */
@Controller
class DashboardController {

    private final ShopService shops;
    private final DashboardRepository figures;

    DashboardController(ShopService shops, DashboardRepository figures) {
        this.shops = shops;
        this.figures = figures;
    }

    @GetMapping({"/admin", "/admin/"})
    String dashboard(@AuthenticationPrincipal AdminUser user, HtmxRequest htmx, Model model) {
        model.addAttribute("page", "dashboard");
        model.addAttribute("shop", shops.getShop(user.shop()));
        model.addAttribute("members", figures.members(user.shop()));
        model.addAttribute("contactEmail", shops.contactEmail(user.shop()).orElse(null));
        return AdminPages.view(htmx, "admin/dashboard");
    }
}
