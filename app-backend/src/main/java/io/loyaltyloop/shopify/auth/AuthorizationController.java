package io.loyaltyloop.shopify.auth;

import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.shopify.admin.ShopifyAdminException;
import io.loyaltyloop.system.TokenStorageUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization-code grant, for installs outside the embedded admin: {@code GET /auth} checks
 * Shopify's signed install request and sends the merchant to Shopify to grant the app; {@code GET
 * /auth/callback} checks Shopify's signed answer and its state, redeems the code for an expiring
 * offline token pair and installs the shop as the session path does. Every redirect goes to the
 * verified shop's origin, never to a URL taken from the request.
 */
@RestController
class AuthorizationController {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationController.class);

    private final ShopifyProperties properties;
    private final InstallRequestVerifier verifier;
    private final InstallStateCookie state;
    private final ShopInstaller installer;

    AuthorizationController(ShopifyProperties properties, Clock clock, ShopInstaller installer) {
        this.properties = properties;
        boolean configured = properties.configured() && isSet(properties.apiKey()) && isSet(properties.appUrl());
        this.verifier = configured
                ? new InstallRequestVerifier(new OAuthQuerySignature(properties.webhookSecrets()), clock)
                : null;
        this.state = configured
                ? new InstallStateCookie(
                        properties.apiSecret(), properties.appUrl().startsWith("https:"), clock)
                : null;
        this.installer = installer;
    }

    @GetMapping("/auth")
    ResponseEntity<String> begin(HttpServletRequest request) {
        if (verifier == null) {
            return plain(HttpStatus.SERVICE_UNAVAILABLE, "Shopify is not configured");
        }
        String shop;
        try {
            shop = verifier.verify(request.getParameterMap(), List.of()).get("shop");
        } catch (InstallRejectedException e) {
            return rejected("install request", e);
        }
        InstallStateCookie.Issued issued = state.issue(shop);
        // No grant_options[]=per-user: we want the offline token that webhooks and jobs use.
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("client_id", properties.apiKey());
        grant.put("scope", properties.scopes() == null ? "" : properties.scopes());
        grant.put("redirect_uri", appUrl() + "/auth/callback");
        grant.put("state", issued.nonce());
        // No grant_options[]=per-user: we want the offline token that webhooks and jobs use.
        URI authorize = URI.create(origin(shop) + "/admin/oauth/authorize?" + formEncoded(grant));
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(authorize)
                .header(HttpHeaders.SET_COOKIE, issued.cookie().toString())
                .build();
    }

    @GetMapping("/auth/callback")
    ResponseEntity<String> callback(
            HttpServletRequest request,
            @CookieValue(name = InstallStateCookie.NAME, required = false) String stateCookie) {
        if (verifier == null) {
            return plain(HttpStatus.SERVICE_UNAVAILABLE, "Shopify is not configured");
        }
        Map<String, String> query;
        try {
            query = verifier.verify(request.getParameterMap(), List.of("code", "state"));
            state.verify(stateCookie, query.get("shop"), query.get("state"));
        } catch (InstallRejectedException e) {
            return spent(rejected("OAuth callback", e));
        }
        String shop = query.get("shop");
        try {
            installer.installWithCode(shop, query.get("code"));
        } catch (TokenExchangeException e) {
            log.warn("Redeeming the authorization code failed for {}: {}", shop, e.getMessage());
            return spent(
                    e.rejected()
                            ? plain(HttpStatus.BAD_REQUEST, "Shopify refused the authorization code; install again")
                            : plain(HttpStatus.BAD_GATEWAY, "Shopify could not be reached; install again"));
        } catch (ShopifyAdminException e) {
            log.warn("Reading the details of {} failed: {}", shop, e.getMessage());
            return spent(plain(HttpStatus.BAD_GATEWAY, "Shopify could not be reached; install again"));
        } catch (TokenStorageUnavailableException e) {
            log.error("Cannot install {}: {}", shop, e.getMessage());
            return spent(plain(HttpStatus.SERVICE_UNAVAILABLE, "Token storage is not configured"));
        }
        log.info("Installed {} through the authorization-code grant", shop);
        return spent(ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(origin(shop) + "/admin/apps/" + properties.apiKey()))
                .build());
    }

    /** Every callback answer clears the state: a second use of the same nonce must start over. */
    private ResponseEntity<String> spent(ResponseEntity<String> response) {
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .header(HttpHeaders.SET_COOKIE, state.cleared().toString())
                .body(response.getBody());
    }

    // Strict form encoding, as Shopify's libraries send it: the redirect_uri's ':' and '/' escaped too.
    private static String formEncoded(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private String origin(String verifiedShop) {
        return properties.shopOriginTemplate().replace("{shop}", verifiedShop);
    }

    private String appUrl() {
        String url = properties.appUrl();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static ResponseEntity<String> rejected(String what, InstallRejectedException e) {
        log.info("Rejected {}: {}", what, e.getMessage());
        return plain(e.status(), e.getMessage());
    }

    private static ResponseEntity<String> plain(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
