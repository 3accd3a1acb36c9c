package io.loyaltyloop.admin.broadleaf;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.admin.shell.ShownTimes;
import io.loyaltyloop.shop.ShopService;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/broadleaf}: the site id and URL of the signed-in OWNER's Broadleaf site, and the
 * secret's rotation. Standalone admin only (a Broadleaf site has no embedded admin), OWNER only
 * (STAFF get 403, reads included: the page is about the site's credentials), Broadleaf shops only
 * (404 otherwise). The rotated secret is rendered in the answer to the POST and nowhere else — a
 * plain form gets the page directly instead of a redirect, which would lose it.
 */
@Controller
class BroadleafConnectionController {

    static final String PATH = "/admin/broadleaf";

    private final Optional<BroadleafConnection> connections;
    private final ShopService shops;

    BroadleafConnectionController(Optional<BroadleafConnection> connections, ShopService shops) {
        this.connections = connections;
        this.shops = shops;
    }

    @GetMapping(PATH)
    String show(@AuthenticationPrincipal AdminUser user, HtmxRequest htmx, Model model) {
        return page(user, htmx, model, null);
    }

    @PostMapping(PATH + "/rotate")
    String rotate(@AuthenticationPrincipal AdminUser user, HtmxRequest htmx, Model model) {
        BroadleafConnection port = allowed(user);
        String secret = port.rotate(user.shop(), user.actor());
        return page(user, htmx, model, secret);
    }

    private String page(AdminUser user, HtmxRequest htmx, Model model, String newSecret) {
        BroadleafConnection port = allowed(user);
        BroadleafConnection.Connection connection = port.connection(user.shop()).orElseThrow();
        model.addAttribute("connection", connection);
        model.addAttribute("newSecret", newSecret);
        model.addAttribute("times", new ShownTimes(shops.getShop(user.shop()).timezone()));
        return AdminPages.view(htmx, "admin/broadleaf");
    }

    private BroadleafConnection allowed(AdminUser user) {
        if (connections.isEmpty() || user.embedded()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (connections.get().connection(user.shop()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "not a Broadleaf site");
        }
        if (user.role() != AdminRole.OWNER) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "owners only");
        }
        return connections.get();
    }
}
