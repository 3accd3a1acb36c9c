package io.loyaltyloop.storefront;

import io.loyaltyloop.system.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /proxy/estimate}: the points the "points you'll earn" hint may show for a basket
 * ({@link PointsEstimator}). The body is not covered by the app proxy's signature; it only shapes
 * the caller's own answer, and nothing is written.
 */
@RestController
class EstimateProxyController {

    private final StorefrontRequests requests;
    private final PointsEstimator estimator;

    EstimateProxyController(StorefrontRequests requests, PointsEstimator estimator) {
        this.requests = requests;
        this.estimator = estimator;
    }

    @PostMapping("/proxy/estimate")
    ResponseEntity<Estimate> estimate(HttpServletRequest request) throws IOException {
        StorefrontRequests.Verified verified = requests.verify(request);
        EstimateRequest basket = EstimateRequest.parse(jsonBody(request));
        return ProxyResponses.ok(new Estimate(estimator.estimate(verified.shop(), verified.customerId(), basket)));
    }

    private static byte[] jsonBody(HttpServletRequest request) throws IOException {
        if (!RequestBodies.isJson(request.getContentType())) {
            throw new ProxyProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "bad-estimate", "the body must be application/json");
        }
        return RequestBodies.readAtMost(request.getInputStream(), EstimateRequest.MAX_BYTES)
                .orElseThrow(() -> new ProxyProblem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "bad-estimate",
                        "the body must be at most " + EstimateRequest.MAX_BYTES + " bytes"));
    }

    record Estimate(long points) {}
}
