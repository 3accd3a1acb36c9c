package io.loyaltyloop.broadleaf.web;

import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import io.loyaltyloop.broadleaf.review.BroadleafReviewWriter;
import io.loyaltyloop.broadleaf.reward.OfferCodeIssuer;
import io.loyaltyloop.broadleaf.wire.BackendClient;
import io.loyaltyloop.broadleaf.wire.SignatureVerifier;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.HttpRequestHandler;

/**
 * Every {@code /loyalty-loop/*} request of the site (bean {@code loyaltyLoopWeb}, served by Spring's
 * {@code HttpRequestHandlerServlet} mapped in the site's web.xml):
 *
 * <ul>
 *   <li>{@code POST /loyalty-loop/offer-codes} and {@code POST /loyalty-loop/reviews}, signed by the
 *       backend;
 *   <li>{@code /loyalty-loop/api/**}, the storefront widget's calls, passed on signed;
 *   <li>{@code GET /loyalty-loop/assets/*}, the widget's script and style sheet.
 * </ul>
 *
 * A plain servlet-level handler rather than a Spring MVC controller so that it works whatever the
 * site's DispatcherServlet configuration is; no Broadleaf controller or view is involved.
 */
public class LoyaltyLoopWebHandler implements HttpRequestHandler {

    private static final Log LOG = LogFactory.getLog(LoyaltyLoopWebHandler.class);

    private final OfferCodeEndpoint offerCodes;
    private final ReviewEndpoint reviews;
    private final StorefrontProxy storefront;
    private final WidgetAssets assets = new WidgetAssets();

    public LoyaltyLoopWebHandler(
            LoyaltyLoopSettings settings,
            BackendClient client,
            OfferCodeIssuer issuer,
            BroadleafReviewWriter reviewWriter) {
        // One verifier, so both endpoints share the nonce memory.
        SignatureVerifier verifier = new SignatureVerifier(settings);
        this.offerCodes = new OfferCodeEndpoint(verifier, issuer);
        this.reviews = new ReviewEndpoint(verifier, settings, reviewWriter);
        this.storefront = new StorefrontProxy(client, settings);
    }

    @Override
    public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (path.equals("/loyalty-loop/offer-codes") && "POST".equals(request.getMethod())) {
                offerCodes.handle(request, response);
            } else if (path.equals("/loyalty-loop/reviews") && "POST".equals(request.getMethod())) {
                reviews.handle(request, response);
            } else if (path.startsWith(StorefrontProxy.PREFIX + "/")) {
                storefront.handle(request, response, path);
            } else if (path.startsWith(WidgetAssets.PREFIX) && "GET".equals(request.getMethod())) {
                assets.handle(response, path.substring(WidgetAssets.PREFIX.length()));
            } else {
                HttpExchange.problem(response, 404, "not-found", null);
            }
        } catch (RuntimeException e) {
            LOG.error("Loyalty Loop: " + request.getMethod() + " " + path + " failed", e);
            if (!response.isCommitted()) {
                response.reset();
                HttpExchange.problem(response, 500, "internal", null);
            }
        }
    }
}
