package io.loyaltyloop.storefront;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the storefront's calls answer: JSON for one customer, never stored by Shopify's proxy, the
 * shop's CDN or the browser ({@code private, no-store}); refusals as problem+json.
 */
@RestControllerAdvice(
        assignableTypes = {CustomerProxyController.class, RedeemProxyController.class, EstimateProxyController.class})
class ProxyResponses {

    /** Problem types are this plus the problem's name; the widget reads the last segment. */
    static final String PROBLEM_BASE = "https://loyaltyloop.io/problems/";

    private static final CacheControl PRIVATE_NO_STORE = CacheControl.noStore().cachePrivate();

    static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok()
                .cacheControl(PRIVATE_NO_STORE)
                .contentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8))
                .body(body);
    }

    @ExceptionHandler(ProxyProblem.class)
    ResponseEntity<ProblemDetail> problem(ProxyProblem problem) {
        return problemOf(problem);
    }

    static ResponseEntity<ProblemDetail> problemOf(ProxyProblem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setType(URI.create(PROBLEM_BASE + problem.type()));
        return ResponseEntity.status(problem.status())
                .cacheControl(PRIVATE_NO_STORE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }
}
