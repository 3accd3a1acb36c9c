package io.loyaltyloop.storefront;

import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The first step of every storefront call: the app proxy's signature, then the shop it names. The
 * shop and the customer come only from the signed query; anything else a caller adds is ignored.
 */
@Component
class StorefrontRequests {

    private static final Logger log = LoggerFactory.getLogger(StorefrontRequests.class);

    private final AppProxySignature signature;
    private final ProgramSnapshots programs;

    StorefrontRequests(AppProxySignature signature, ProgramSnapshots programs) {
        this.signature = signature;
        this.programs = programs;
    }

    /**
     * @throws ProxyProblem 401 {@code unsigned} for a request the proxy did not sign (before any
     *     read or write), 400 {@code bad-parameter} for a control character in a parameter, 404 {@code unknown-shop} for a shop that has not installed the app
     */
    Verified verify(HttpServletRequest request) {
        return verify(request, true);
    }

    /**
     * The same with the kept program as it is, for {@link StorefrontState}, which compares its
     * version in its own query (and answers 404 itself when the shop turns out uninstalled).
     */
    Verified verifyKeptProgram(HttpServletRequest request) {
        return verify(request, false);
    }

    private Verified verify(HttpServletRequest request, boolean checkVersion) {
        AppProxySignature.ProxyRequest proxy;
        try {
            proxy = signature.verify(request.getQueryString());
        } catch (AppProxySignatureException e) {
            log.info("app proxy request refused: {}", e.getMessage());
            throw new ProxyProblem(
                    HttpStatus.UNAUTHORIZED, "unsigned", "the request is not signed by Shopify's app proxy");
        }
        if (proxy.hasControlCharacters()) {
            throw badParameter();
        }
        // The kept program (one indexed single-row read for its version): no query per part.
        ProgramSnapshot program = (checkVersion
                        ? programs.current(Platform.SHOPIFY, proxy.shop())
                        : programs.unchecked(Platform.SHOPIFY, proxy.shop()))
                .filter(p -> p.shop().active())
                .orElseThrow(StorefrontRequests::notInstalled);
        return new Verified(program, proxy.loggedInCustomerId(), proxy);
    }

    /** 400 {@code bad-parameter}: a signed parameter holds a control character (a NUL, say). */
    static ProxyProblem badParameter() {
        return new ProxyProblem(HttpStatus.BAD_REQUEST, "bad-parameter", "a parameter holds a control character");
    }

    static ProxyProblem notInstalled() {
        return new ProxyProblem(HttpStatus.NOT_FOUND, "unknown-shop", "the shop has not installed the app");
    }

    /**
     * A signed request of an installed shop.
     *
     * @param customerId the signed-in customer's host id, null for a guest
     */
    record Verified(ProgramSnapshot program, String customerId, AppProxySignature.ProxyRequest proxy) {

        Shop shop() {
            return program.shop();
        }

        String parameter(String name) {
            return proxy.parameters().get(name);
        }
    }
}
