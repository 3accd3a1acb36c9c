package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in requests that come from the embedded Shopify admin: the session token arrives as {@code
 * Authorization: Bearer} (htmx requests, via admin.js) or as {@code id_token} on the first document
 * load. The user becomes the shop's OWNER for this request only — nothing goes into the HTTP session,
 * so the next request needs a fresh token. A shop the token names but that is not installed (new, or
 * uninstalled) is installed first: with Shopify's managed install, the first admin load is the
 * install. An embedded document load without a valid token goes to the session token bounce page.
 * Also sets the page's Content-Security-Policy, whose {@code frame-ancestors} lets exactly that
 * shop's admin frame the page.
 */
class EmbeddedSessionFilter extends OncePerRequestFilter {

    /** Tells App Bridge to fetch a fresh session token and repeat the request. */
    static final String RETRY_HEADER = EmbeddedAnswers.RETRY_HEADER;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSessionFilter.class);
    private static final String BEARER = "Bearer ";
    private static final String EMBEDDED = EmbeddedSessionFilter.class.getName() + ".embedded";

    /** The form field the email preview posts its session token in (see admin-emails.js). */
    static final String PREVIEW_TOKEN_FIELD = "session_token";

    private static final Pattern PREVIEW_POST = Pattern.compile("/admin/emails/[a-z-]{1,40}/preview");

    private final Optional<ShopSessions> sessions;
    private final ShopService shops;

    EmbeddedSessionFilter(Optional<ShopSessions> sessions, ShopService shops) {
        this.sessions = sessions;
        this.shops = shops;
    }

    /** Whether this filter signed the request in with a session token. */
    static boolean isEmbedded(HttpServletRequest request) {
        return request.getAttribute(EMBEDDED) != null;
    }

    /** Whether the request authenticates with a bearer token, which is no ambient credential (no CSRF). */
    static boolean hasBearer(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.startsWith(BEARER);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = tokenOf(request);
        if (token == null) {
            if (bounce(request, response)) {
                return;
            }
            response.setHeader("Content-Security-Policy", AdminPolicy.standalone());
            chain.doFilter(request, response);
            return;
        }
        if (sessions.isEmpty()) {
            EmbeddedAnswers.invalidSession(response, "Shopify is not configured");
            return;
        }
        ShopSessions.VerifiedSession session;
        try {
            session = sessions.get().verify(token);
        } catch (InvalidShopSessionException e) {
            if (!bounce(request, response)) {
                EmbeddedAnswers.invalidSession(response, e.getMessage());
            }
            return;
        }
        Optional<Shop> shop = installed(session, token, request, response);
        if (shop.isEmpty()) {
            return;
        }
        AdminUser user = new AdminUser(
                shop.get().id().value(),
                shop.get().name(),
                "shopify-user:" + session.user(),
                AdminRole.OWNER,
                session.shopDomain());
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority(user.role().authority())));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.setAttribute(EMBEDDED, Boolean.TRUE);
        response.setHeader("Content-Security-Policy", AdminPolicy.embedded(session.shopDomain()));
        chain.doFilter(request, response);
    }

    /** The active shop of a verified session, installed now if need be; empty when the answer is sent. */
    private Optional<Shop> installed(
            ShopSessions.VerifiedSession session,
            String token,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        Optional<Shop> shop =
                shops.findShop(Platform.SHOPIFY, session.shopDomain()).filter(Shop::active);
        if (shop.isPresent()) {
            return shop;
        }
        try {
            Shop installed = sessions.get().install(session, token);
            if (!installed.active()) {
                EmbeddedAnswers.notInstalled(response, session.shopDomain());
                return Optional.empty();
            }
            log.info("{} opened its admin installed", session.shopDomain());
            return Optional.of(installed);
        } catch (ShopInstallException e) {
            log.warn(
                    "Install of {} on an admin load failed ({}): {}",
                    session.shopDomain(),
                    e.failure(),
                    e.getMessage());
            switch (e.failure()) {
                case REFUSED -> EmbeddedAnswers.invalidSession(response, "Shopify refused the token exchange");
                case UNREACHABLE -> EmbeddedAnswers.installFailed(request, response, HttpStatus.BAD_GATEWAY);
                case UNAVAILABLE -> EmbeddedAnswers.installFailed(request, response, HttpStatus.SERVICE_UNAVAILABLE);
            }
            return Optional.empty();
        }
    }

    /** Sends an embedded document load without a valid token to the bounce page; false if it is none. */
    private boolean bounce(HttpServletRequest request, HttpServletResponse response) {
        String appUrl = sessions.map(ShopSessions::appUrl).orElse(null);
        if (appUrl == null || !SessionTokenBounce.applies(request)) {
            return false;
        }
        response.setHeader("Content-Security-Policy", AdminPolicy.standalone());
        response.setStatus(HttpStatus.FOUND.value());
        response.setHeader(HttpHeaders.LOCATION, SessionTokenBounce.location(request, appUrl));
        return true;
    }

    private static String tokenOf(HttpServletRequest request) {
        if (hasBearer(request)) {
            return request.getHeader(HttpHeaders.AUTHORIZATION)
                    .substring(BEARER.length())
                    .trim();
        }
        // The email editor posts its draft into the preview frame as a plain form, which cannot carry a
        // header: its session token comes as a form field, accepted on that path only.
        if ("POST".equals(request.getMethod())
                && PREVIEW_POST.matcher(pathOf(request)).matches()) {
            String field = request.getParameter(PREVIEW_TOKEN_FIELD);
            return field == null || field.isBlank() ? null : field;
        }
        // Only a document load carries the token in the URL; anything else must use the header.
        if ("GET".equals(request.getMethod())) {
            String idToken = request.getParameter("id_token");
            return idToken == null || idToken.isBlank() ? null : idToken;
        }
        return null;
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
