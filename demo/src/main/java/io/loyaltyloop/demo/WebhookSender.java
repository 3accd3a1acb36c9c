package io.loyaltyloop.demo;

import io.loyaltyloop.shopify.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Delivers webhooks to the backend as Shopify does: the body signed with the app's secret
 * (HMAC-SHA256, base64, in X-Shopify-Hmac-Sha256) and Shopify's delivery headers.
 */
final class WebhookSender {

    private final URI endpoint;
    private final String shop;
    private final String secret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookSender(String backendUrl, String shop, String apiSecret) {
        this.endpoint = URI.create(backendUrl + "/webhooks");
        this.shop = shop;
        this.secret = apiSecret;
    }

    /** Sends one delivery; returns the backend's HTTP status. */
    int send(SimulationPlan.Webhook webhook) throws IOException, InterruptedException {
        byte[] body = webhook.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", webhook.topic())
                .header("X-Shopify-Hmac-Sha256", WebhookSignature.sign(secret, body))
                .header("X-Shopify-Shop-Domain", shop)
                .header("X-Shopify-API-Version", ShopifyDevStore.API_VERSION)
                .header("X-Shopify-Webhook-Id", webhook.webhookId())
                .header("X-Shopify-Event-Id", webhook.eventId())
                .header("X-Shopify-Triggered-At", webhook.at().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
