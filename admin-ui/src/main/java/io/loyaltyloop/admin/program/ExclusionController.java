package io.loyaltyloop.admin.program;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.loyalty.DuplicateExclusionException;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.ExclusionNotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Adds and removes the shop's earning exclusions. An id in the URL is looked up within the user's
 * shop: another shop's exclusion is not found (404) and stays. htmx gets the exclusions section.
 */
@Controller
class ExclusionController {

    private final ProgramPage page;
    private final EarningService earning;

    ExclusionController(ProgramPage page, EarningService earning) {
        this.page = page;
        this.earning = earning;
    }

    @PostMapping("/admin/program/exclusions")
    String add(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "field", required = false) String field,
            @RequestParam(name = "value", required = false) String value,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        ExclusionForm form = ExclusionForm.of(field, value);
        if (form.valid()) {
            try {
                earning.addExclusion(user.shop(), form.fieldValue(), form.value(), user.actor());
                return saved(user, htmx, model);
            } catch (DuplicateExclusionException e) {
                form = form.withError("value", "Lines with this value are already excluded.");
            }
        }
        response.setStatus(AdminPages.UNPROCESSABLE);
        model.addAttribute("exclusionForm", form);
        return section(user, htmx, model);
    }

    @PostMapping("/admin/program/exclusions/{id}/delete")
    String remove(@AuthenticationPrincipal AdminUser user, @PathVariable String id, HtmxRequest htmx, Model model) {
        long exclusionId;
        try {
            exclusionId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "an exclusion id is a number");
        }
        try {
            earning.removeExclusion(user.shop(), exclusionId, user.actor());
        } catch (ExclusionNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such exclusion");
        }
        return saved(user, htmx, model);
    }

    private String saved(AdminUser user, HtmxRequest htmx, Model model) {
        if (!htmx.isHtmxRequest()) {
            return ProgramPage.redirectSaved("exclusions");
        }
        model.addAttribute("saved", "exclusions");
        return section(user, htmx, model);
    }

    private String section(AdminUser user, HtmxRequest htmx, Model model) {
        if (htmx.isHtmxRequest()) {
            page.exclusions(user.shop(), model);
            return ProgramPage.TEMPLATE + " :: exclusions";
        }
        return page.whole(user.shop(), model);
    }
}
