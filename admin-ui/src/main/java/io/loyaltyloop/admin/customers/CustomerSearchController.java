package io.loyaltyloop.admin.customers;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customers list: a search by email, name or host id within the signed-in user's shop,
 * paginated by limit and offset (capped at {@link #MAX_PAGE} pages: past that, narrow the search).
 * The live search (htmx, targeting {@code #customer-results}) gets only the results.
 */
@Controller
class CustomerSearchController {

    static final int MAX_QUERY = 100;
    static final int MAX_PAGE = 200;
    static final int DEFAULT_SIZE = 25;
    static final int MAX_SIZE = 100;

    private final CustomerRepository customers;

    CustomerSearchController(CustomerRepository customers) {
        this.customers = customers;
    }

    @GetMapping("/admin/customers")
    String search(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "q", required = false, defaultValue = "") String q,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "size", required = false) String size,
            HtmxRequest htmx,
            Model model) {
        String query = q.strip();
        if (query.length() > MAX_QUERY) {
            throw new BadCustomerRequestException("q (the search) is limited to " + MAX_QUERY + " characters");
        }
        int pageNumber = BadCustomerRequestException.boundedInt("page", page, 1, 1, MAX_PAGE);
        int pageSize = BadCustomerRequestException.boundedInt("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        List<CustomerSummary> found = customers.search(user.shop(), query, pageSize + 1, (pageNumber - 1) * pageSize);
        model.addAttribute("page", "customers");
        model.addAttribute("q", query);
        model.addAttribute("pageNumber", pageNumber);
        model.addAttribute("pageSize", pageSize);
        model.addAttribute("results", found.subList(0, Math.min(pageSize, found.size())));
        model.addAttribute("hasNext", found.size() > pageSize && pageNumber < MAX_PAGE);
        if (htmx.isHtmxRequest() && !htmx.isHistoryRestoreRequest() && "customer-results".equals(htmx.getTarget())) {
            return "admin/customer-search :: results";
        }
        return AdminPages.view(htmx, "admin/customer-search");
    }
}
