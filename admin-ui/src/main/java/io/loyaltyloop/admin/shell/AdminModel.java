package io.loyaltyloop.admin.shell;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.access.ShopSessions;
import io.loyaltyloop.admin.broadleaf.BroadleafConnection;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every admin page: the user, and App Bridge's api key when embedded. */
@ControllerAdvice(basePackages = "io.loyaltyloop.admin")
class AdminModel {

    private final Optional<ShopSessions> sessions;
    private final Optional<BroadleafConnection> broadleaf;

    AdminModel(Optional<ShopSessions> sessions, Optional<BroadleafConnection> broadleaf) {
        this.sessions = sessions;
        this.broadleaf = broadleaf;
    }

    @ModelAttribute("admin")
    AdminUser admin(@AuthenticationPrincipal AdminUser user) {
        return user;
    }

    /** The standalone OWNER of a Broadleaf site gets a link to the site's connection page. */
    @ModelAttribute("broadleafSite")
    boolean broadleafSite(@AuthenticationPrincipal AdminUser user) {
        return user != null
                && !user.embedded()
                && user.canWrite()
                && broadleaf.flatMap(b -> b.connection(user.shop())).isPresent();
    }

    @ModelAttribute("shopifyApiKey")
    String shopifyApiKey(@AuthenticationPrincipal AdminUser user) {
        return user != null && user.embedded()
                ? sessions.map(ShopSessions::apiKey).orElse(null)
                : null;
    }
}
