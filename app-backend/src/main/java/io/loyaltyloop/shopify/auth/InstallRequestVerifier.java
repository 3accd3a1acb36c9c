package io.loyaltyloop.shopify.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;

/**
 * Checks a query Shopify sent through the merchant's browser (the install request, the OAuth
 * callback) the way Shopify's libraries do: the parameters we need present and single, the
 * {@code hmac}, a {@code timestamp} within 90 s of now, and a myshopify.com {@code shop}. Only then
 * does anything in the query become a host we call or redirect to.
 */
final class InstallRequestVerifier {

    /** What Shopify's libraries accept between Shopify signing the query and us reading it. */
    static final Duration MAX_AGE = Duration.ofSeconds(90);

    // Anchored on both ends: an unanchored check lets evil.com/x.myshopify.com through.
    private static final Pattern SHOP = Pattern.compile("^[a-z0-9][a-z0-9-]*\\.myshopify\\.com$");

    private final OAuthQuerySignature signature;
    private final Clock clock;

    InstallRequestVerifier(OAuthQuerySignature signature, Clock clock) {
        this.signature = signature;
        this.clock = clock;
    }

    /**
     * @param query every parameter as received, decoded
     * @param required the parameters besides {@code hmac}, {@code shop} and {@code timestamp}
     * @return the query, one value per parameter, once it is verified
     * @throws InstallRejectedException 400 when malformed, 401 when not signed by Shopify or stale,
     *     403 when the shop is not a myshopify.com domain
     */
    Map<String, String> verify(Map<String, String[]> query, List<String> required) {
        Map<String, String> single = new LinkedHashMap<>();
        query.forEach((name, values) -> {
            // A repeated parameter has no single signed meaning; Shopify never repeats these.
            if (values.length != 1) {
                throw new InstallRejectedException(HttpStatus.BAD_REQUEST, "parameter " + name + " is repeated");
            }
            single.put(name, values[0]);
        });
        for (String name : required(required)) {
            String value = single.get(name);
            if (value == null || value.isBlank()) {
                throw new InstallRejectedException(HttpStatus.BAD_REQUEST, "parameter " + name + " is missing");
            }
        }
        Instant signedAt = timestamp(single.get("timestamp"));
        if (!signature.matches(single)) {
            throw new InstallRejectedException(HttpStatus.UNAUTHORIZED, "hmac does not match");
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(MAX_AGE) > 0) {
            throw new InstallRejectedException(HttpStatus.UNAUTHORIZED, "timestamp is too old or in the future");
        }
        if (!SHOP.matcher(single.get("shop")).matches()) {
            throw new InstallRejectedException(HttpStatus.FORBIDDEN, "shop is not a myshopify.com domain");
        }
        return single;
    }

    private static List<String> required(List<String> extra) {
        return Stream.concat(Stream.of("shop", "timestamp", "hmac"), extra.stream())
                .toList();
    }

    private static Instant timestamp(String value) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new InstallRejectedException(HttpStatus.BAD_REQUEST, "timestamp is not a number of seconds");
        }
    }
}
