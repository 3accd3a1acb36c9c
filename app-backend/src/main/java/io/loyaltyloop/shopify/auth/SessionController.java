package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.shopify.admin.ShopifyAdminException;
import io.loyaltyloop.system.TokenStorageUnavailableException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The embedded admin's entry: App Bridge sends its session token as {@code Authorization: Bearer}
 * on fetches, or as {@code id_token} on the first document load. A valid token installs the shop
 * (token exchange, registration) if it is new.
 */
@RestController
class SessionController {

    /** Tells App Bridge to fetch a fresh session token and repeat the request. */
    static final String RETRY_HEADER = "X-Shopify-Retry-Invalid-Session-Request";

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);
    private static final String BEARER = "Bearer ";

    private final SessionTokenVerifier verifier;
    private final ShopInstaller installer;

    SessionController(ShopifyProperties properties, Clock clock, ShopInstaller installer) {
        boolean configured = properties.configured()
                && properties.apiKey() != null
                && !properties.apiKey().isBlank();
        this.verifier =
                configured ? new SessionTokenVerifier(properties.apiKey(), properties.webhookSecrets(), clock) : null;
        this.installer = installer;
    }

    @GetMapping("/shopify/session")
    ResponseEntity<?> session(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestParam(value = "id_token", required = false) String idToken) {
        if (verifier == null) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Shopify is not configured");
        }
        String raw = authorization != null && authorization.startsWith(BEARER)
                ? authorization.substring(BEARER.length()).trim()
                : idToken;
        if (raw == null || raw.isBlank()) {
            return invalidSession("no session token");
        }
        SessionToken session;
        try {
            session = verifier.verify(raw);
        } catch (InvalidSessionTokenException e) {
            return invalidSession(e.getMessage());
        }
        try {
            Shop shop = installer.install(session, raw);
            return ResponseEntity.ok(Map.of("shop", shop.platformShopKey(), "installed", true));
        } catch (TokenExchangeException e) {
            if (e.rejected()) {
                // Shopify refused the token we had verified (revoked app, clock far off): a fresh one may pass.
                log.warn("Token exchange refused for {}: {}", session.shop(), e.getMessage());
                return invalidSession("Shopify refused the session token");
            }
            log.warn("Token exchange failed for {}: {}", session.shop(), e.getMessage());
            return problem(HttpStatus.BAD_GATEWAY, "Shopify could not be reached; try again");
        } catch (ShopifyAdminException e) {
            log.warn("Reading the details of {} failed: {}", session.shop(), e.getMessage());
            return problem(HttpStatus.BAD_GATEWAY, "Shopify could not be reached; try again");
        } catch (TokenStorageUnavailableException e) {
            log.error("Cannot install {}: {}", session.shop(), e.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Token storage is not configured");
        }
    }

    private static ResponseEntity<ProblemDetail> invalidSession(String reason) {
        log.info("Rejected session token: {}", reason);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(RETRY_HEADER, "1")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "invalid session token"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
