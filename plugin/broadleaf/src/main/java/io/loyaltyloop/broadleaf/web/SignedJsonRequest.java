package io.loyaltyloop.broadleaf.web;

import io.loyaltyloop.broadleaf.wire.SignatureVerifier;
import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.JsonProcessingException;

/**
 * The common front of the backend → site endpoints: a bounded body, the contract's signature check
 * (401 {@code unsigned} with no detail), JSON content type and syntax. Answers the failure itself.
 */
final class SignedJsonRequest {

    static final int MAX_BODY = 64 * 1024;

    private SignedJsonRequest() {}

    /** The request's JSON body when it is signed and well-formed; else null, the answer written. */
    static JsonNode read(HttpServletRequest request, HttpServletResponse response, SignatureVerifier verifier)
            throws IOException {
        byte[] body = HttpExchange.body(request, MAX_BODY);
        if (body == null) {
            HttpExchange.problem(response, 413, "too-large", "the body is larger than " + MAX_BODY + " bytes");
            return null;
        }
        SignatureVerifier.Result signature = verifier.verify(request, body);
        if (signature == SignatureVerifier.Result.UNSUPPORTED_VERSION) {
            HttpExchange.problem(response, 400, "unsupported-wire-version", null);
            return null;
        }
        if (signature != SignatureVerifier.Result.OK) {
            HttpExchange.problem(response, 401, "unsigned", null);
            return null;
        }
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
            HttpExchange.problem(response, 415, "unsupported-media-type", "send application/json");
            return null;
        }
        try {
            return HttpExchange.JSON.readTree(body);
        } catch (JsonProcessingException e) {
            HttpExchange.problem(response, 400, "bad-request", "the body is not JSON");
            return null;
        }
    }
}
