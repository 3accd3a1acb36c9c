package io.loyaltyloop.admin.rewards;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.tier.InvalidTierException;
import io.loyaltyloop.tier.Tier;
import io.loyaltyloop.tier.TierMembership;
import io.loyaltyloop.tier.TierService;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
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
 * The Program screen's tiers tab: the ladder with its members, a form to add or edit a tier (with a
 * dry run of a multiplier change before saving it), and delete. Writes are OWNER-only; every id is
 * looked up in the user's shop (another shop's tier is a 404); refusals are 422 with the form.
 */
@Controller
class TiersController {

    static final String PATH = "/admin/program/tiers";

    private final TierService tiers;
    private final ShopService shops;
    private final EarningService earning;

    TiersController(TierService tiers, ShopService shops, EarningService earning) {
        this.tiers = tiers;
        this.shops = shops;
        this.earning = earning;
    }

    @GetMapping(PATH)
    String ladder(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "edit", required = false) Long edit,
            @RequestParam(name = "saved", required = false) String saved,
            HtmxRequest htmx,
            Model model) {
        Tier editing = edit == null ? null : find(user, edit);
        page(user, editing, editing == null ? TierForm.empty() : TierForm.of(editing), model);
        if (saved != null) {
            model.addAttribute("saved", "Your change was saved.");
        }
        return AdminPages.view(htmx, "admin/tiers");
    }

    @PostMapping(PATH)
    String create(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "minSpend", required = false) String minSpend,
            @RequestParam(name = "multiplier", required = false) String multiplier,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        return save(user, null, TierForm.of(name, minSpend, multiplier), htmx, response, model);
    }

    @PostMapping(PATH + "/{id}")
    String update(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable long id,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "minSpend", required = false) String minSpend,
            @RequestParam(name = "multiplier", required = false) String multiplier,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        return save(user, find(user, id), TierForm.of(name, minSpend, multiplier), htmx, response, model);
    }

    /** Creates ({@code editing} null) or updates; a refused form is answered 422 and changes nothing. */
    private String save(
            AdminUser user, Tier editing, TierForm form, HtmxRequest htmx, HttpServletResponse response, Model model) {
        if (form.valid()) {
            try {
                if (editing == null) {
                    tiers.create(user.shop(), form.draft(), user.actor());
                    return saved(user, "The tier was added; customers who reach it moved into it.", htmx, model);
                }
                tiers.update(user.shop(), editing.id(), form.draft(), user.actor());
                return saved(user, "The tier was saved.", htmx, model);
            } catch (InvalidTierException e) {
                form = form.withErrors(e.problems());
            }
        }
        response.setStatus(AdminPages.UNPROCESSABLE);
        page(user, editing, form, model);
        return htmx.isHtmxRequest() ? "admin/tiers :: content" : "admin/tiers";
    }

    /** The dry run of the edited multiplier: writes nothing; htmx gets only the preview box. */
    @PostMapping(PATH + "/{id}/preview")
    String preview(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable long id,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "minSpend", required = false) String minSpend,
            @RequestParam(name = "multiplier", required = false) String multiplier,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        Tier editing = find(user, id);
        TierForm form = TierForm.of(name, minSpend, multiplier);
        if (form.errors().containsKey("multiplier")) {
            response.setStatus(AdminPages.UNPROCESSABLE);
            model.addAttribute(
                    "preview", "Fix the multiplier first: " + form.errors().get("multiplier"));
        } else {
            model.addAttribute(
                    "preview",
                    TierPreview.describe(
                            earning,
                            user.shop(),
                            tiers.ladder(user.shop()),
                            editing,
                            // only the multiplier is previewed: the other fields may still be wrong
                            new BigDecimal(form.multiplier())));
        }
        if (htmx.isHtmxRequest()) {
            return "admin/tiers :: preview";
        }
        page(user, editing, form, model);
        return "admin/tiers";
    }

    @PostMapping(PATH + "/{id}/delete")
    String delete(@AuthenticationPrincipal AdminUser user, @PathVariable long id, HtmxRequest htmx, Model model) {
        Tier tier = find(user, id);
        int members = tiers.delete(user.shop(), tier.id(), user.actor());
        String message = "The tier “" + tier.name() + "” was deleted"
                + (members == 0 ? "." : "; its " + members + " member(s) moved to the tier their spend reaches.");
        return saved(user, message, htmx, model);
    }

    private String saved(AdminUser user, String message, HtmxRequest htmx, Model model) {
        if (!htmx.isHtmxRequest()) {
            return "redirect:" + PATH + "?saved";
        }
        page(user, null, TierForm.empty(), model);
        model.addAttribute("saved", message);
        return "admin/tiers :: content";
    }

    private void page(AdminUser user, Tier editing, TierForm form, Model model) {
        var currency = shops.getShop(user.shop()).currency();
        TierMembership membership = tiers.membership(user.shop());
        model.addAttribute("page", "program");
        model.addAttribute(
                "tiers",
                membership.rungs().stream().map(r -> TierRow.of(r, currency)).toList());
        model.addAttribute("belowEveryTier", membership.belowEveryTier());
        model.addAttribute(
                "hasBaseTier",
                membership.rungs().stream().anyMatch(r -> r.tier().minSpend().signum() == 0));
        model.addAttribute("windowMonths", shops.settings(user.shop()).tierWindowMonths());
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("currency", currency.getCurrencyCode());
    }

    private Tier find(AdminUser user, long id) {
        return tiers.ladder(user.shop()).tiers().stream()
                .filter(t -> t.id() == id)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such tier"));
    }
}
