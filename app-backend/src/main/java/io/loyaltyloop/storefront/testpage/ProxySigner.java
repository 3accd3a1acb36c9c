package io.loyaltyloop.storefront.testpage;

import io.loyaltyloop.storefront.AppProxySignature;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Builds an app proxy query signed as Shopify does ({@link AppProxySignature#signature}). */
final class ProxySigner {

    private ProxySigner() {}

    /** The URL-encoded query with {@code signature} added. */
    static String signedQuery(Map<String, String> params, String secret) {
        String query = new TreeMap<>(params)
                .entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        return query + "&signature=" + AppProxySignature.signature(params, secret);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
