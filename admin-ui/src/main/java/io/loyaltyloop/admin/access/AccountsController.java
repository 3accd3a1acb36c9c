package io.loyaltyloop.admin.access;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.admin.shell.ShownTimes;
import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;
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
 * The standalone admin's accounts screen: OWNERs list, add, re-role and remove the shop's accounts;
 * everyone changes their own password (the security chain lets STAFF post only that form). Embedded
 * users are Shopify staff without a local account: for them the screen does not exist (404).
 * Every refusal is a 422 with the form again and the message next to its field; nothing changes.
 */
@Controller
class AccountsController {

    static final String PATH = "/admin/accounts";

    private final AdminAccounts accounts;
    private final ShopService shops;

    AccountsController(AdminAccounts accounts, ShopService shops) {
        this.accounts = accounts;
        this.shops = shops;
    }

    @GetMapping(PATH)
    String list(@AuthenticationPrincipal AdminUser user, HtmxRequest htmx, Model model) {
        return page(user, htmx, model);
    }

    @PostMapping(PATH)
    String create(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordRepeat,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        AdminRole chosen = role(role);
        model.addAttribute("newEmail", email);
        model.addAttribute("newRole", chosen);
        return change(user, htmx, model, response, "create", "The account was added.", () -> {
            requireRepeated(password, passwordRepeat);
            accounts.create(user.shop(), email, password, chosen, user.actor());
        });
    }

    @PostMapping(PATH + "/{id}/role")
    String changeRole(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String role,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        AdminRole chosen = role(role);
        return change(
                user,
                htmx,
                model,
                response,
                "row-" + id,
                "The role was changed.",
                () -> accounts.changeRole(user.shop(), id, chosen, user.actor()));
    }

    @PostMapping(PATH + "/{id}/remove")
    String remove(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable long id,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        return change(
                user,
                htmx,
                model,
                response,
                "row-" + id,
                "The account was removed.",
                () -> accounts.remove(user.shop(), id, user.actor()));
    }

    @PostMapping(PATH + "/password")
    String changePassword(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String passwordRepeat,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response) {
        return change(user, htmx, model, response, "password", "Your password was changed.", () -> {
            requireRepeated(password, passwordRepeat);
            accounts.changePassword(user.shop(), email(user), current, password, user.actor());
        });
    }

    private String change(
            AdminUser user,
            HtmxRequest htmx,
            Model model,
            HttpServletResponse response,
            String form,
            String done,
            Runnable work) {
        requireStandalone(user);
        try {
            work.run();
        } catch (AccountNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (AdminAccountException e) {
            response.setStatus(AdminPages.UNPROCESSABLE);
            model.addAttribute("errorForm", form);
            model.addAttribute("errors", Map.of(Objects.requireNonNullElse(e.field(), "form"), e.getMessage()));
            return page(user, htmx, model);
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:" + PATH;
        }
        model.addAttribute("saved", done);
        model.addAttribute("newEmail", null);
        return page(user, htmx, model);
    }

    private String page(AdminUser user, HtmxRequest htmx, Model model) {
        requireStandalone(user);
        model.addAttribute("page", "accounts");
        model.addAttribute("accounts", accounts.list(user.shop()));
        model.addAttribute("me", email(user));
        model.addAttribute("roles", AdminRole.values());
        model.addAttribute("times", new ShownTimes(shops.getShop(user.shop()).timezone()));
        model.addAttribute("minPassword", AdminAccounts.MIN_PASSWORD_LENGTH);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return AdminPages.view(htmx, "admin/accounts");
    }

    private static void requireRepeated(String password, String repeat) {
        if (!password.equals(repeat)) {
            throw new AdminAccountException("passwordRepeat", "the two passwords differ");
        }
    }

    private static AdminRole role(String role) {
        try {
            return AdminRole.valueOf(role);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a role: " + role);
        }
    }

    /** The signed-in account's email: standalone actors are {@code admin:<email>}. */
    private static String email(AdminUser user) {
        return user.actor().substring("admin:".length());
    }

    private static void requireStandalone(AdminUser user) {
        if (user.embedded() || !user.actor().startsWith("admin:")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
