package io.loyaltyloop.admin.rewards;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.reward.RewardNotFoundException;
import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
 * The Program screen's rewards tab: the shop's rewards with what each gives, costs and was redeemed,
 * a form to add or edit one, and deactivate / reactivate. Writes are OWNER-only (the security chain
 * refuses the rest); every id is looked up in the user's shop, so another shop's reward is a 404.
 * htmx posts get the tab's content back; plain forms are redirected (Post/Redirect/Get).
 */
@Controller
class RewardsController {

    static final String PATH = "/admin/program/rewards";

    private final RewardCatalog catalog;
    private final ShopService shops;

    RewardsController(RewardCatalog catalog, ShopService shops) {
        this.catalog = catalog;
        this.shops = shops;
    }

    @GetMapping(PATH)
    String rewards(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "edit", required = false) Long edit,
            @RequestParam(name = "saved", required = false) String saved,
            HtmxRequest htmx,
            Model model) {
        Reward editing = edit == null ? null : find(user, edit);
        page(user, editing, editing == null ? RewardForm.empty() : RewardForm.of(editing), model);
        if (saved != null) {
            model.addAttribute("saved", "Your change was saved.");
        }
        return AdminPages.view(htmx, "admin/rewards");
    }

    @PostMapping(PATH)
    String create(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "value", required = false) String value,
            @RequestParam(name = "cost", required = false) String cost,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        return save(user, null, RewardForm.of(name, kind, value, cost), htmx, response, model);
    }

    @PostMapping(PATH + "/{id}")
    String update(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable long id,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "value", required = false) String value,
            @RequestParam(name = "cost", required = false) String cost,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        return save(user, find(user, id), RewardForm.of(name, kind, value, cost), htmx, response, model);
    }

    /** Creates ({@code editing} null) or updates; a refused form is answered 422 and changes nothing. */
    private String save(
            AdminUser user,
            Reward editing,
            RewardForm form,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        if (!form.valid()) {
            response.setStatus(AdminPages.UNPROCESSABLE);
            page(user, editing, form, model);
            return htmx.isHtmxRequest() ? "admin/rewards :: content" : "admin/rewards";
        }
        if (editing == null) {
            catalog.create(user.shop(), form.draft(), user.actor());
            return saved(user, "The reward was added.", htmx, model);
        }
        catalog.update(user.shop(), editing.id(), form.draft(), user.actor());
        return saved(user, "The reward was saved. Codes already issued keep their value.", htmx, model);
    }

    @PostMapping(PATH + "/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal AdminUser user, @PathVariable long id, HtmxRequest htmx, Model model) {
        Reward reward = catalog.deactivate(user.shop(), find(user, id).id(), user.actor());
        return saved(user, "“" + reward.name() + "” can no longer be redeemed.", htmx, model);
    }

    @PostMapping(PATH + "/{id}/activate")
    String activate(@AuthenticationPrincipal AdminUser user, @PathVariable long id, HtmxRequest htmx, Model model) {
        Reward reward = catalog.activate(user.shop(), find(user, id).id(), user.actor());
        return saved(user, "“" + reward.name() + "” can be redeemed again.", htmx, model);
    }

    private String saved(AdminUser user, String message, HtmxRequest htmx, Model model) {
        if (!htmx.isHtmxRequest()) {
            return "redirect:" + PATH + "?saved";
        }
        page(user, null, RewardForm.empty(), model);
        model.addAttribute("saved", message);
        return "admin/rewards :: content";
    }

    private void page(AdminUser user, Reward editing, RewardForm form, Model model) {
        var currency = shops.getShop(user.shop()).currency();
        List<RewardRow> rows = catalog.listing(user.shop()).stream()
                .map(listing -> RewardRow.of(listing, currency))
                .toList();
        model.addAttribute("page", "program");
        model.addAttribute("rewards", rows);
        model.addAttribute("noneActive", rows.stream().noneMatch(RewardRow::active));
        model.addAttribute("editing", editing);
        model.addAttribute("form", form);
        model.addAttribute("kinds", RewardRow.KINDS);
        model.addAttribute("currency", currency.getCurrencyCode());
    }

    private Reward find(AdminUser user, long id) {
        try {
            return catalog.get(user.shop(), id);
        } catch (RewardNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such reward");
        }
    }
}
