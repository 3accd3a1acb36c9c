package io.loyaltyloop.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Installs the simulated store through the app's real install path: the session token App Bridge
 * would send on the embedded admin's first load (HS256, signed with the app's secret), given to
 * {@code /shopify/session}, which exchanges it at the store for an Admin API token and registers
 * the shop from its details.
 */
final class DemoInstall {

    static final String API_KEY = "demo-api-key";
    private static final int ATTEMPTS = 3;

    private DemoInstall() {}

    static void install(String backendUrl, String shop, String apiSecret, Clock clock)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String answer = "";
        // A token checked across one of the demo clock's jumps is stale; a fresh one then passes.
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(backendUrl + "/shopify/session"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + sessionToken(shop, apiSecret, clock.instant()))
                    .GET()
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"installed\":true")) {
                return;
            }
            answer = response.statusCode() + " " + response.body();
        }
        throw new IllegalStateException("The demo store could not be installed: /shopify/session answered " + answer);
    }

    /** A session token as Shopify makes them: valid for one minute from {@code now}. */
    static String sessionToken(String shop, String apiSecret, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("https://" + shop + "/admin")
                .claim("dest", "https://" + shop)
                .audience(API_KEY)
                .subject("1")
                .expirationTime(Date.from(now.plusSeconds(60)))
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .jwtID(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(apiSecret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
