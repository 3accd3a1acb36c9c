package io.loyaltyloop.reliability;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The storefront's calls as Shopify's app proxy forwards them: the proxy's parameters and the
 * widget's, signed with the app's secret (hex HMAC-SHA256 of the sorted, decoded {@code key=value}
 * pairs, joined without separator).
 */
final class Storefront {

    private final Environment env;

    Storefront(Environment env) {
        this.env = env;
    }

    /** {@code POST /proxy/rewards/{id}/redeem} for the signed-in customer; the status, -1 if none came. */
    int redeem(String backendUrl, String shop, long customerId, long rewardId, String requestKey) {
        Map<String, String> params = new TreeMap<>(Map.of(
                "request_key",
                requestKey,
                "logged_in_customer_id",
                Long.toString(customerId),
                "path_prefix",
                "/apps/loyalty",
                "shop",
                shop,
                "timestamp",
                Long.toString(Instant.now().getEpochSecond())));
        StringBuilder message = new StringBuilder();
        StringBuilder query = new StringBuilder();
        params.forEach((key, value) -> {
            message.append(key).append('=').append(value);
            query.append(key)
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8))
                    .append('&');
        });
        String signature = HexFormat.of()
                .formatHex(Http.hmacSha256(env.apiSecret, message.toString().getBytes(StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        backendUrl + "/proxy/rewards/" + rewardId + "/redeem?" + query + "signature=" + signature))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return Http.status(request);
    }
}
