package io.loyaltyloop.admin.customers;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.journey.JourneyService;
import io.loyaltyloop.journey.JourneyStep;
import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.InsufficientPointsException;
import io.loyaltyloop.loyalty.LedgerEntry;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.loyalty.ManualAdjustment;
import io.loyaltyloop.shop.ShopId;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * One customer of the signed-in user's shop: balances, the ledger (newest first, a page at a time,
 * keyed by entry id), orders with their journeys, redemptions, and the manual adjustment. Another
 * shop's customer is simply not found (404), which tells nothing about whether it exists elsewhere.
 * Only OWNERs reach the POST (the security chain refuses STAFF and requests without CSRF token).
 */
@Controller
class CustomerController {

    static final int LEDGER_PAGE = 25;

    static final int MAX_ORDERS = 50;
    static final int MAX_REDEMPTIONS = 50;
    private static final Balance NO_POINTS = new Balance(0, 0, 0, 0, null, null);

    private final CustomerRepository customers;
    private final LoyaltyService loyalty;
    private final JourneyService journeys;

    CustomerController(CustomerRepository customers, LoyaltyService loyalty, JourneyService journeys) {
        this.customers = customers;
        this.loyalty = loyalty;
        this.journeys = journeys;
    }

    @GetMapping("/admin/customers/{externalId}")
    String customer(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String externalId,
            @RequestParam(name = "before", required = false) String before,
            HtmxRequest htmx,
            Model model) {
        Long beforeEntry =
                before == null ? null : BadCustomerRequestException.boundedLong("before", before, 0, 1, Long.MAX_VALUE);
        CustomerProfile customer = find(user.shop(), externalId);
        detail(user.shop(), customer, beforeEntry, AdjustmentForm.empty(), model);
        return AdminPages.view(htmx, "admin/customer");
    }

    /**
     * Credits or debits points with a reason, the signed-in user as actor. htmx swaps the account
     * section (balances, form, ledger); a plain form is redirected back to the page (or, when
     * refused, gets the page with the errors). Refusals answer 422 with nothing changed.
     */
    @PostMapping("/admin/customers/{externalId}/adjustments")
    String adjust(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String externalId,
            @RequestParam(name = "points", required = false) String points,
            @RequestParam(name = "reason", required = false) String reason,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        CustomerProfile customer = find(user.shop(), externalId);
        AdjustmentForm form = AdjustmentForm.of(points, reason);
        if (form.valid()) {
            try {
                loyalty.adjust(
                        new ManualAdjustment(user.shop(), externalId, form.pointsValue(), form.reason(), user.actor()));
                if (!htmx.isHtmxRequest()) {
                    return "redirect:/admin/customers/" + encode(externalId) + "?adjusted";
                }
                account(user.shop(), customer, null, AdjustmentForm.empty(), model);
                model.addAttribute("adjusted", true);
                return "admin/customer :: account";
            } catch (InsufficientPointsException e) {
                form = form.withError(
                        "points", "The balance can't go below zero in this shop: " + e.getMessage() + ".");
            }
        }
        response.setStatus(AdminPages.UNPROCESSABLE);
        if (htmx.isHtmxRequest()) {
            account(user.shop(), customer, null, form, model);
            return "admin/customer :: account";
        }
        detail(user.shop(), customer, null, form, model);
        return "admin/customer";
    }

    private CustomerProfile find(ShopId shop, String externalId) {
        return customers
                .find(shop, externalId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such customer"));
    }

    private void detail(ShopId shop, CustomerProfile customer, Long before, AdjustmentForm form, Model model) {
        account(shop, customer, before, form, model);
        List<CustomerOrder> found = customers.orders(shop, customer.customerId(), MAX_ORDERS);
        Map<Long, List<JourneyStep>> timelines = journeys.timelines(
                shop, found.stream().map(CustomerOrder::orderId).toList());
        List<CustomerOrder> orders = found.stream()
                .map(o -> o.withTimeline(timelines.getOrDefault(o.orderId(), List.of())))
                .toList();
        model.addAttribute("orders", orders);
        model.addAttribute("customerSteps", journeys.customerTimeline(shop, customer.customerId()));
        model.addAttribute("redemptions", customers.redemptions(shop, customer.customerId(), MAX_REDEMPTIONS));
    }

    private void account(ShopId shop, CustomerProfile customer, Long before, AdjustmentForm form, Model model) {
        List<LedgerEntry> entries = loyalty.ledgerPage(shop, customer.customerId(), before, LEDGER_PAGE + 1);
        model.addAttribute("page", "customers");
        model.addAttribute("customer", customer);
        model.addAttribute(
                "balance", loyalty.balance(shop, customer.externalId()).orElse(NO_POINTS));
        model.addAttribute("ledger", entries.subList(0, Math.min(LEDGER_PAGE, entries.size())));
        model.addAttribute(
                "olderThan",
                entries.size() > LEDGER_PAGE ? entries.get(LEDGER_PAGE - 1).entryId() : null);
        model.addAttribute("ledgerPaged", before != null);
        model.addAttribute("form", form);
    }

    static String encode(String externalId) {
        return URLEncoder.encode(externalId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
