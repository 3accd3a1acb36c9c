package io.loyaltyloop.broadleaf.web;

import io.loyaltyloop.broadleaf.reward.OfferCodeIssuer;
import io.loyaltyloop.broadleaf.reward.OfferCodeRequest;
import io.loyaltyloop.broadleaf.wire.SignatureVerifier;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.node.ObjectNode;

/**
 * {@code POST /loyalty-loop/offer-codes}: the backend asks the site to issue a redeemed reward as a
 * single-use offer code. Signed by the backend (401 otherwise, nothing created); 200
 * {@code {"code","created"}}, 409 {@code code-taken}, 400 for a bad body or an unknown customer.
 */
final class OfferCodeEndpoint {

    private final SignatureVerifier verifier;
    private final OfferCodeIssuer issuer;

    OfferCodeEndpoint(SignatureVerifier verifier, OfferCodeIssuer issuer) {
        this.verifier = verifier;
        this.issuer = issuer;
    }

    void handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonNode json = SignedJsonRequest.read(request, response, verifier);
        if (json == null) {
            return;
        }
        OfferCodeRequest issue;
        try {
            issue = OfferCodeRequest.from(json);
        } catch (IllegalArgumentException e) {
            HttpExchange.problem(response, 400, "bad-request", e.getMessage());
            return;
        }
        OfferCodeIssuer.Result result = issuer.issue(issue);
        switch (result.outcome()) {
            case CODE_TAKEN:
                HttpExchange.problem(response, 409, "code-taken", "the code belongs to another redemption");
                return;
            case UNKNOWN_CUSTOMER:
                HttpExchange.problem(response, 400, "unknown-customer", "no customer " + issue.customerId());
                return;
            default:
                ObjectNode answer = HttpExchange.JSON.createObjectNode();
                answer.put("code", result.code());
                answer.put("created", result.outcome() == OfferCodeIssuer.Outcome.CREATED);
                HttpExchange.json(response, 200, answer);
        }
    }
}
