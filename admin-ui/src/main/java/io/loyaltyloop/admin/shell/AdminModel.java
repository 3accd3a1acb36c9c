package io.loyaltyloop.admin.shell;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.access.ShopSessions;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every admin page: the user, and App Bridge's api key when embedded. */
@ControllerAdvice(basePackages = "io.loyaltyloop.admin")
class AdminModel {

    private final Optional<ShopSessions> sessions;

    AdminModel(Optional<ShopSessions> sessions) {
        this.sessions = sessions;
    }

    @ModelAttribute("admin")
    AdminUser admin(@AuthenticationPrincipal AdminUser user) {
        return user;
    }

    @ModelAttribute("shopifyApiKey")
    String shopifyApiKey(@AuthenticationPrincipal AdminUser user) {
        return user != null && user.embedded()
                ? sessions.map(ShopSessions::apiKey).orElse(null)
                : null;
    }
}
