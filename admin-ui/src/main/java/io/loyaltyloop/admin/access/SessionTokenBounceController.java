package io.loyaltyloop.admin.access;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The session token bounce page: App Bridge alone, which reloads {@code shopify-reload} with a fresh
 * {@code id_token}. Open to anyone (it shows nothing), so it checks what it is asked to reload: only
 * one of our admin pages on our own origin, never another site, which would receive the token.
 */
@Controller
class SessionTokenBounceController {

    private final Optional<ShopSessions> sessions;

    SessionTokenBounceController(Optional<ShopSessions> sessions) {
        this.sessions = sessions;
    }

    @GetMapping(SessionTokenBounce.PATH)
    String bounce(
            @RequestParam(required = false) String shop,
            @RequestParam(value = SessionTokenBounce.RELOAD, required = false) String reload,
            Model model,
            HttpServletResponse response) {
        String appUrl = sessions.map(ShopSessions::appUrl).orElse(null);
        if (appUrl == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!SessionTokenBounce.isShop(shop) || !SessionTokenBounce.isSafeTarget(reload, appUrl)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "not a page of this app to reload");
        }
        // The shop passed the myshopify.com pattern, so it cannot add a directive to the policy.
        response.setHeader("Content-Security-Policy", AdminPolicy.embedded(shop.toLowerCase(Locale.ROOT)));
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("apiKey", sessions.get().apiKey());
        return "admin/session-token";
    }
}
