package io.loyaltyloop.shopify.auth;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Shopify's {@code POST /admin/oauth/access_token}: a session token exchanged (or an authorization
 * code redeemed) for an expiring offline token pair, and a refresh token traded for the next pair. The shop's origin comes from
 * {@code loyalty.shopify.shop-origin-template}, so tests send it to a stub.
 */
class TokenExchangeClient {

    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
    private static final String OFFLINE_TOKEN = "urn:shopify:params:oauth:token-type:offline-access-token";

    private final String apiKey;
    private final String apiSecret;
    private final String originTemplate;
    private final Clock clock;
    private final RestClient http;

    TokenExchangeClient(String apiKey, String apiSecret, String originTemplate, Clock clock) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
        this.originTemplate = originTemplate;
        this.clock = clock;
        // HTTP/1.1: a handful of calls per shop per hour, and the JDK's cleartext HTTP/2 upgrade of a
        // POST is what local stubs (and some proxies) reset.
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        // Refreshes run under the shop's row lock: a hung call must not hold it for long.
        requests.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** @param shop a verified myshopify.com domain: it becomes the host we call */
    IssuedTokens exchange(String shop, String sessionToken) {
        Map<String, String> body = credentials();
        body.put("grant_type", TOKEN_EXCHANGE);
        body.put("subject_token", sessionToken);
        body.put("subject_token_type", ID_TOKEN);
        body.put("requested_token_type", OFFLINE_TOKEN);
        // Without it Shopify issues a non-expiring token, which it stops accepting in 2027.
        body.put("expiring", "1");
        return call(shop, "token exchange", body);
    }

    /** The authorization-code grant: the code from a verified OAuth callback, for the same pair. */
    IssuedTokens redeem(String shop, String authorizationCode) {
        Map<String, String> body = credentials();
        body.put("code", authorizationCode);
        body.put("expiring", "1");
        return call(shop, "authorization code", body);
    }

    IssuedTokens refresh(String shop, String refreshToken) {
        Map<String, String> body = credentials();
        body.put("grant_type", "refresh_token");
        body.put("refresh_token", refreshToken);
        return call(shop, "token refresh", body);
    }

    private Map<String, String> credentials() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("client_id", apiKey);
        body.put("client_secret", apiSecret);
        return body;
    }

    private IssuedTokens call(String shop, String what, Map<String, String> body) {
        Instant requestedAt = clock.instant();
        Map<?, ?> answer;
        try {
            answer = http.post()
                    .uri(originTemplate.replace("{shop}", shop) + "/admin/oauth/access_token")
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body)
                    .retrieve()
                    .body(Map.class);
        } catch (RestClientResponseException e) {
            // Shopify's error body names the OAuth error, never a token; kept short for the log.
            String detail = e.getResponseBodyAsString();
            throw new TokenExchangeException(
                    what + " for " + shop + " answered " + e.getStatusCode().value() + ": "
                            + detail.substring(0, Math.min(detail.length(), 200)),
                    e.getStatusCode().value());
        } catch (RestClientException e) {
            throw new TokenExchangeException(what + " for " + shop + " failed: " + e.getMessage(), e);
        }
        if (answer == null || !(answer.get("access_token") instanceof String accessToken) || accessToken.isBlank()) {
            throw new TokenExchangeException(what + " for " + shop + " returned no access_token", 200);
        }
        // Expiry counts from when we asked, so network time makes us refresh early, never late.
        return new IssuedTokens(
                accessToken,
                answer.get("scope") instanceof String scope ? scope : "",
                after(requestedAt, answer.get("expires_in")),
                answer.get("refresh_token") instanceof String refresh ? refresh : null,
                after(requestedAt, answer.get("refresh_token_expires_in")));
    }

    private static Instant after(Instant start, Object seconds) {
        return seconds instanceof Number n ? start.plusSeconds(n.longValue()) : null;
    }
}
