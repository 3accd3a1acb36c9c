package io.loyaltyloop.broadleaf.wire;

import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.broadleaf.site.Site;
import io.loyaltyloop.system.RequestBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The first step of every {@code /broadleaf/v1/**} request: the signed headers, cheapest check
 * first — wire version (400 {@code unsupported-wire-version}), headers present and well-formed, site
 * known and active, timestamp within {@link #MAX_SKEW}, signature under the current or the previous
 * secret, and last the nonce unused. Every other failure is 401 {@code unsigned}; nothing is
 * written before the signature holds, and only the nonce after.
 */
@Component
public class SignedRequests {

    /** How far a request's timestamp may be from the backend's clock, either way. */
    public static final Duration MAX_SKEW = Duration.ofSeconds(300);

    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final Pattern SIGNATURE = Pattern.compile("v1=[0-9a-f]{64}");

    private final BroadleafSites sites;
    private final NonceRepository nonces;
    private final Clock clock;

    SignedRequests(BroadleafSites sites, NonceRepository nonces, Clock clock) {
        this.sites = sites;
        this.nonces = nonces;
        this.clock = clock;
    }

    /**
     * @param body the exact body bytes read from the request (see {@link #readBody}); empty for none
     * @return the site that signed the request, active
     * @throws WireRejection when any check fails
     */
    public Site verify(HttpServletRequest request, byte[] body) {
        String wire = request.getHeader(WireHeaders.WIRE);
        if (wire == null) {
            throw WireRejection.unsigned(WireHeaders.WIRE + " is missing");
        }
        if (!wire.equals(WireHeaders.WIRE_VERSION)) {
            throw new WireRejection(
                    HttpStatus.BAD_REQUEST,
                    "unsupported-wire-version",
                    "this backend speaks wire version " + WireHeaders.WIRE_VERSION);
        }
        String siteId = header(request, WireHeaders.SITE, BroadleafSites.SITE_ID);
        String timestamp = header(request, WireHeaders.TIMESTAMP, TIMESTAMP);
        String nonce = header(request, WireHeaders.NONCE, NONCE);
        String signature = header(request, WireHeaders.SIGNATURE, SIGNATURE);

        Site site = sites.find(siteId).orElseThrow(() -> WireRejection.unsigned("unknown site " + siteId));
        if (!site.shop().active()) {
            throw WireRejection.unsigned("site " + siteId + " is not active");
        }
        Instant now = clock.instant();
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(seconds - now.getEpochSecond()) > MAX_SKEW.toSeconds()) {
            throw WireRejection.unsigned("timestamp " + seconds + " is more than " + MAX_SKEW.toSeconds()
                    + " s from the backend's clock " + now.getEpochSecond());
        }
        String stringToSign =
                WireSignature.stringToSign(siteId, seconds, nonce, request.getMethod(), pathAndQuery(request), body);
        if (!WireSignature.matches(sites.acceptedSecrets(site.shop().id()), stringToSign, signature)) {
            throw WireRejection.unsigned("signature does not match for site " + siteId);
        }
        if (!nonces.claim(site.shop().id().value(), nonce, now)) {
            throw WireRejection.unsigned("nonce " + nonce + " of site " + siteId + " was used before");
        }
        return site;
    }

    /**
     * The body as raw bytes, never more than one byte past {@code limit}: a body too large (declared
     * or not) is refused with 413 without being held in memory.
     */
    public static byte[] readBody(HttpServletRequest request, long limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        return RequestBodies.readAtMost(request.getInputStream(), limit).orElseThrow(() -> tooLarge(limit));
    }

    /** The path as sent (still encoded) and the raw query, as the signer saw them. */
    static String pathAndQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private static WireRejection tooLarge(long limit) {
        return new WireRejection(
                HttpStatus.CONTENT_TOO_LARGE, "too-large", "the body is larger than " + limit + " bytes");
    }

    private static String header(HttpServletRequest request, String name, Pattern shape) {
        String value = request.getHeader(name);
        if (value == null) {
            throw WireRejection.unsigned(name + " is missing");
        }
        if (!shape.matcher(value).matches()) {
            throw WireRejection.unsigned(name + " is malformed");
        }
        return value;
    }
}
