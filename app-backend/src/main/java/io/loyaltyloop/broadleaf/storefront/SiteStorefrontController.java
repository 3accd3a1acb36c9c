package io.loyaltyloop.broadleaf.storefront;

import io.loyaltyloop.broadleaf.site.Site;
import io.loyaltyloop.broadleaf.wire.SignedRequests;
import io.loyaltyloop.broadleaf.wire.WireRejection;
import io.loyaltyloop.storefront.AppProxySignature;
import io.loyaltyloop.storefront.StorefrontCalls;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /broadleaf/v1/storefront/customer}, {@code …/rewards/{id}/redeem} and {@code
 * …/products/{id}/reviews}: the signature first (nothing is read or written for an unsigned call),
 * then the same answer as {@code /proxy/*}. The shop is the signing site; the customer is the
 * {@code customer} query parameter, which the signature covers. Refusals carry a {@code code}.
 */
@RestController
class SiteStorefrontController {

    /** Nothing these calls take has a body; a few kB is more than enough for a stray one. */
    private static final long MAX_BODY = 16 * 1024;

    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private final SignedRequests signed;
    private final StorefrontCalls storefront;

    SiteStorefrontController(SignedRequests signed, StorefrontCalls storefront) {
        this.signed = signed;
        this.storefront = storefront;
    }

    @GetMapping("/broadleaf/v1/storefront/customer")
    ResponseEntity<?> customer(HttpServletRequest request) throws IOException {
        Site site = verify(request);
        Map<String, String> query = query(request);
        return withCode(storefront.customer(site.shop(), customer(query)));
    }

    @PostMapping("/broadleaf/v1/storefront/rewards/{rewardId}/redeem")
    ResponseEntity<?> redeem(@PathVariable String rewardId, HttpServletRequest request) throws IOException {
        Site site = verify(request);
        Map<String, String> query = query(request);
        return withCode(storefront.redeem(site.shop(), customer(query), rewardId, query.get("request_key")));
    }

    @GetMapping("/broadleaf/v1/storefront/products/{productId}/reviews")
    ResponseEntity<?> reviews(@PathVariable String productId, HttpServletRequest request) throws IOException {
        Site site = verify(request);
        return withCode(
                storefront.productReviews(site.shop(), productId, query(request).get("limit")));
    }

    private Site verify(HttpServletRequest request) throws IOException {
        return signed.verify(request, SignedRequests.readBody(request, MAX_BODY));
    }

    /** The signed-in customer, or null for a guest. */
    private static String customer(Map<String, String> query) {
        String customer = query.get("customer");
        if (customer == null || customer.isEmpty()) {
            return null;
        }
        if (!CUSTOMER.matcher(customer).matches()) {
            throw new WireRejection(HttpStatus.BAD_REQUEST, "bad-customer", "customer is not a customer id");
        }
        return customer;
    }

    /** The raw, signed query, decoded; a repeated parameter counts once (the first). */
    private static Map<String, String> query(HttpServletRequest request) {
        Map<String, String> parameters = new HashMap<>();
        String query = request.getQueryString();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    /** Decoded; a control character (a NUL would reach PostgreSQL's text) is refused as for the proxy. */
    private static String decode(String text) {
        String decoded;
        try {
            decoded = URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new WireRejection(HttpStatus.BAD_REQUEST, "bad-query", "the query is not URL-encoded");
        }
        if (AppProxySignature.hasControlCharacter(decoded)) {
            throw new WireRejection(HttpStatus.BAD_REQUEST, "bad-query", "a parameter holds a control character");
        }
        return decoded;
    }

    /**
     * The contract's problems carry a {@code code}: the last segment of the problem's type as the
     * widget reads it, or the status's name for the reviews answer's untyped problems.
     */
    private static ResponseEntity<?> withCode(ResponseEntity<?> response) {
        if (response.getBody() instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            String type = problem.getType() == null
                    ? "about:blank"
                    : problem.getType().toString();
            String code = type.equals("about:blank")
                    ? HttpStatus.valueOf(problem.getStatus())
                            .name()
                            .toLowerCase(Locale.ROOT)
                            .replace('_', '-')
                    : type.substring(type.lastIndexOf('/') + 1);
            problem.setProperty("code", code);
        }
        return response;
    }
}
