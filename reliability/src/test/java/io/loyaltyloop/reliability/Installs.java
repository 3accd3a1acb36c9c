package io.loyaltyloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Installs a shop the way the embedded admin's first load does: an App Bridge session token (HS256
 * JWT signed with the app's secret, Shopify's claims) sent to {@code GET /shopify/session}, which
 * exchanges it at the shop's token endpoint (the fake Shopify) and registers the shop.
 */
final class Installs {

    private Installs() {}

    static void install(Environment env, String backendUrl, String shop) throws Exception {
        String token = sessionToken(env.apiSecret, shop, Instant.now());
        HttpResponse<String> answer = Http.CLIENT.send(
                HttpRequest.newBuilder(URI.create(backendUrl + "/shopify/session"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"installed\":true");
    }

    static String sessionToken(String secret, String shop, Instant now) {
        long seconds = now.getEpochSecond();
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String claims =
                """
                {"iss":"https://%s/admin","dest":"https://%s","aud":"%s","sub":"42","exp":%d,"nbf":%d,"iat":%d,\
                "jti":"%s","sid":"session-1"}\
                """.formatted(shop, shop, FakeShopify.API_KEY, seconds + 60, seconds, seconds, UUID.randomUUID());
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + base64Url(Http.hmacSha256(secret, signingInput.getBytes(StandardCharsets.UTF_8)));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
