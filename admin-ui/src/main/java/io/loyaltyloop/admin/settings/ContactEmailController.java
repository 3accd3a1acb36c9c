package io.loyaltyloop.admin.settings;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.shop.InvalidContactEmailException;
import io.loyaltyloop.shop.ShopService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where merchant alerts go: the first setting the admin changes. Only OWNERs get here (the security
 * chain refuses other writers), and only for their own shop — there is no shop parameter to forge.
 */
@Controller
class ContactEmailController {

    private final ShopService shops;

    ContactEmailController(ShopService shops) {
        this.shops = shops;
    }

    @PostMapping("/admin/settings/contact-email")
    String update(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam("email") String email,
            HtmxRequest htmx,
            Model model) {
        try {
            shops.updateContactEmail(user.shop(), email, user.actor());
        } catch (InvalidContactEmailException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not an email address");
        }
        if (!htmx.isHtmxRequest()) {
            return "redirect:/admin";
        }
        model.addAttribute("contactEmail", shops.contactEmail(user.shop()).orElse(null));
        model.addAttribute("saved", true);
        return "admin/dashboard :: contact";
    }
}
