package io.loyaltyloop.storefront;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
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
        if (!isJson(request.getContentType())) {
            throw new ProxyProblem(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "bad-estimate", "the body must be application/json");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(EstimateRequest.MAX_BYTES + 1);
            if (body.length > EstimateRequest.MAX_BYTES) {
                throw new ProxyProblem(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "bad-estimate",
                        "the body must be at most " + EstimateRequest.MAX_BYTES + " bytes");
            }
            return body;
        }
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.APPLICATION_JSON.includes(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    record Estimate(long points) {}
}
