package io.loyaltyloop.admin.program;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.loyalty.EarningChange;
import io.loyaltyloop.loyalty.EarningDryRun;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.metrics.MetricsService;
import io.loyaltyloop.shop.Shop;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Program page, and its spend rule: a dry run ("Preview change", writes nothing) and the save.
 * Saving does not require a preview: the preview only informs (orders already paid keep their
 * terms whatever is saved), so requiring one would add state to carry without protecting anything.
 * htmx gets the earning section back; a plain form is redirected to the page (Post/Redirect/Get).
 */
@Controller
class ProgramController {

    private final ProgramPage page;
    private final EarningService earning;
    private final MetricsService metrics;

    ProgramController(ProgramPage page, EarningService earning, MetricsService metrics) {
        this.page = page;
        this.earning = earning;
        this.metrics = metrics;
    }

    @GetMapping("/admin/program")
    String program(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "saved", required = false) String saved,
            HtmxRequest htmx,
            Model model) {
        if (saved != null && ProgramPage.SECTIONS.contains(saved)) {
            model.addAttribute("saved", saved);
        }
        page.whole(user.shop(), model);
        return AdminPages.view(htmx, ProgramPage.TEMPLATE);
    }

    @PostMapping("/admin/program/earning-rule/preview")
    String preview(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "pointsPerUnit", required = false) String pointsPerUnit,
            @RequestParam(name = "rounding", required = false) String rounding,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        EarningForm form = EarningForm.of(pointsPerUnit, rounding);
        model.addAttribute("earning", form);
        if (!form.valid()) {
            return refused(user, htmx, response, model);
        }
        EarningDryRun.Result result = earning.dryRun(user.shop(), EarningChange.rule(form.rate(), form.roundingMode()));
        page.earning(user.shop(), model);
        Shop shop = (Shop) model.getAttribute("shop");
        model.addAttribute(
                "preview",
                DryRunSentence.of(
                        result, metrics.liabilityOf(user.shop(), Math.abs(result.addedPoints())), shop.currency()));
        return section(user, htmx, model);
    }

    @PostMapping("/admin/program/earning-rule")
    String save(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "pointsPerUnit", required = false) String pointsPerUnit,
            @RequestParam(name = "rounding", required = false) String rounding,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        EarningForm form = EarningForm.of(pointsPerUnit, rounding);
        if (!form.valid()) {
            model.addAttribute("earning", form);
            return refused(user, htmx, response, model);
        }
        earning.changeRule(user.shop(), form.rate(), form.roundingMode(), user.actor());
        if (!htmx.isHtmxRequest()) {
            return ProgramPage.redirectSaved("earning");
        }
        model.addAttribute("saved", "earning");
        return section(user, htmx, model);
    }

    private String refused(AdminUser user, HtmxRequest htmx, HttpServletResponse response, Model model) {
        response.setStatus(AdminPages.UNPROCESSABLE);
        return section(user, htmx, model);
    }

    private String section(AdminUser user, HtmxRequest htmx, Model model) {
        if (htmx.isHtmxRequest()) {
            page.earning(user.shop(), model);
            return ProgramPage.TEMPLATE + " :: earning";
        }
        return page.whole(user.shop(), model);
    }
}
