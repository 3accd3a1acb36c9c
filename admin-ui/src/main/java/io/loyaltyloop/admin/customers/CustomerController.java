package io.loyaltyloop.admin.customers;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.LoyaltyService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One customer's balance, looked up in the signed-in user's shop only: another shop's customer is
 * simply not found (404), which tells nothing about whether it exists elsewhere. The customers
 * screen (search, ledger, timeline, adjustments) builds on this.
 */
@Controller
class CustomerController {

    private final LoyaltyService loyalty;

    CustomerController(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping("/admin/customers/{externalId}")
    String customer(
            @AuthenticationPrincipal AdminUser user, @PathVariable String externalId, HtmxRequest htmx, Model model) {
        Balance balance = loyalty.balance(user.shop(), externalId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such customer"));
        model.addAttribute("page", "customers");
        model.addAttribute("externalId", externalId);
        model.addAttribute("balance", balance);
        return AdminPages.view(htmx, "admin/customer");
    }
}
