package io.loyaltyloop.broadleaf.wire;

import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import io.loyaltyloop.broadleaf.WireFormat;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Checks a backend → site request the way the contract says, cheapest first: wire version, headers,
 * site id, timestamp within ±300 s, signature (current or previous secret, constant time), then the
 * nonce unused within 10 minutes. The reason of a refusal goes to the log only.
 *
 * <p>The nonce memory is in-process and bounded: the backend only calls idempotent endpoints, so a
 * replay that reaches a second node, or this node after a restart, changes nothing.
 */
public class SignatureVerifier {

    /** The outcome; {@link #UNSUPPORTED_VERSION} is the only one the caller answers differently (400). */
    public enum Result {
        OK,
        UNSUPPORTED_VERSION,
        UNSIGNED
    }

    static final long SKEW_SECONDS = 300;
    static final long NONCE_TTL_MILLIS = 10 * 60 * 1000L;
    static final int MAX_NONCES = 100_000;

    private static final Log LOG = LogFactory.getLog(SignatureVerifier.class);
    private static final Pattern NONCE = Pattern.compile("^[A-Za-z0-9_-]{22,64}$");
    private static final Pattern TIMESTAMP = Pattern.compile("^[0-9]{1,12}$");
    private static final Pattern SIGNATURE = Pattern.compile("^v1=[0-9a-f]{64}$");

    private final LoyaltyLoopSettings settings;
    private final Clock clock;
    /** Nonce → when it was seen, oldest first. */
    private final LinkedHashMap<String, Long> seenNonces = new LinkedHashMap<String, Long>();

    public SignatureVerifier(LoyaltyLoopSettings settings) {
        this(settings, Clock.systemUTC());
    }

    SignatureVerifier(LoyaltyLoopSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** Verifies {@code request} whose body has already been read into {@code body}. */
    public Result verify(HttpServletRequest request, byte[] body) {
        String wire = request.getHeader(WireSignature.WIRE);
        if (wire != null && !WireFormat.VERSION.equals(wire)) {
            LOG.warn("Loyalty Loop: refused a request with wire version " + wire);
            return Result.UNSUPPORTED_VERSION;
        }
        String site = request.getHeader(WireSignature.SITE);
        String timestamp = request.getHeader(WireSignature.TIMESTAMP);
        String nonce = request.getHeader(WireSignature.NONCE);
        String signature = request.getHeader(WireSignature.SIGNATURE);
        if (wire == null
                || site == null
                || timestamp == null
                || nonce == null
                || signature == null
                || !TIMESTAMP.matcher(timestamp).matches()
                || !NONCE.matcher(nonce).matches()
                || !SIGNATURE.matcher(signature).matches()) {
            return refuse("missing or malformed signature headers");
        }
        if (settings.getSiteSecret().isEmpty() || !settings.getSiteId().equals(site)) {
            return refuse("unknown site id " + site);
        }
        long now = clock.millis();
        if (Math.abs(now / 1000 - Long.parseLong(timestamp)) > SKEW_SECONDS) {
            return refuse("timestamp " + timestamp + " outside ±" + SKEW_SECONDS + " s");
        }
        String pathAndQuery =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!signedWith(settings.getSiteSecret(), request, site, timestamp, nonce, pathAndQuery, body, signature)
                && (settings.getPreviousSiteSecret().isEmpty()
                        || !signedWith(
                                settings.getPreviousSiteSecret(),
                                request,
                                site,
                                timestamp,
                                nonce,
                                pathAndQuery,
                                body,
                                signature))) {
            return refuse("bad signature for " + request.getMethod() + " " + pathAndQuery);
        }
        if (!firstUse(nonce, now)) {
            return refuse("nonce replayed");
        }
        return Result.OK;
    }

    private static boolean signedWith(
            String secret,
            HttpServletRequest request,
            String site,
            String timestamp,
            String nonce,
            String pathAndQuery,
            byte[] body,
            String signature) {
        String expected = WireSignature.sign(secret, site, timestamp, nonce, request.getMethod(), pathAndQuery, body);
        return WireSignature.same(expected, signature);
    }

    private synchronized boolean firstUse(String nonce, long now) {
        Iterator<Map.Entry<String, Long>> oldest = seenNonces.entrySet().iterator();
        while (oldest.hasNext()) {
            Map.Entry<String, Long> entry = oldest.next();
            if (entry.getValue() > now - NONCE_TTL_MILLIS && seenNonces.size() < MAX_NONCES) {
                break;
            }
            oldest.remove();
        }
        if (seenNonces.containsKey(nonce)) {
            return false;
        }
        seenNonces.put(nonce, now);
        return true;
    }

    private static Result refuse(String reason) {
        LOG.warn("Loyalty Loop: refused an unsigned request: " + reason);
        return Result.UNSIGNED;
    }
}
