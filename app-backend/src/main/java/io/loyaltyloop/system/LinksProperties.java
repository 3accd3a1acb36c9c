package io.loyaltyloop.system;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Links in emails to customers (review forms, surveys, unsubscribe).
 *
 * @param baseUrl where customers reach this backend, e.g. {@code https://loyalty.example.com}
 * @param key base64 of at least 32 random bytes that sign the links; when empty, a random key is
 *     made at every start, and links sent before a restart stop working
 */
@Validated
@ConfigurationProperties("loyalty.links")
public record LinksProperties(@NotNull URI baseUrl, String key) {

    /** An absolute link to {@code path} (which starts with {@code /}) on this backend. */
    public String absolute(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
