package io.loyaltyloop.shopify.admin;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * Calls a shop's Admin GraphQL API and absorbs what Shopify asks clients to absorb: cost-based
 * throttling (HTTP 200 with a {@code THROTTLED} error), 429/503 with {@code Retry-After}, other 5xx,
 * and one expired token (401, refreshed once). Everything else surfaces: GraphQL errors as {@link
 * AdminGraphQlErrorsException}, {@code userErrors} as {@link AdminUserErrorsException} through
 * {@link #mutate}, and a call that kept failing as {@link AdminUnavailableException}.
 *
 * <p>The retries are a small explicit loop rather than Resilience4j: the three waits have three
 * different sources (query cost, Retry-After, exponential backoff) and a 401 changes the request
 * instead of repeating it, which a generic retry policy would hide behind predicates and
 * callbacks. Retrying is safe because every write we send is idempotent (our own discount codes,
 * absolute metafield values).
 */
public final class ShopifyAdminClient {

    static final String TOKEN_HEADER = "X-Shopify-Access-Token";

    // The shop goes into the URL: anything but a myshopify domain would let input pick the host.
    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");

    private final ShopifyAdminProperties properties;
    private final AccessTokens tokens;
    private final AdminSleeper sleeper;
    private final HttpClient httpClient;
    private final ConcurrentMap<String, ShopConnection> connections = new ConcurrentHashMap<>();

    /** The token of the attempt under way, for the request interceptor. */
    private static final ScopedValue<String> SENT_TOKEN = ScopedValue.newInstance();

    public ShopifyAdminClient(ShopifyAdminProperties properties, AccessTokens tokens, AdminSleeper sleeper) {
        this.properties = properties;
        this.tokens = tokens;
        this.sleeper = sleeper;
        this.httpClient = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    /**
     * Runs a mutation and returns its payload (the object under {@code payloadField}), or throws
     * {@link AdminUserErrorsException} if Shopify refused the input.
     */
    public Map<String, Object> mutate(
            String shop, AdminDocument document, Map<String, ?> variables, String payloadField) {
        ClientGraphQlResponse response = execute(shop, document, variables);
        Map<String, Object> payload = response.field(payloadField).getValue();
        if (payload == null) {
            throw new ShopifyAdminException(document.operationName() + " on " + shop + " returned no " + payloadField);
        }
        List<AdminUserError> userErrors = userErrors(payload);
        if (!userErrors.isEmpty()) {
            throw new AdminUserErrorsException(shop, document, userErrors);
        }
        return payload;
    }

    /** Runs a document, retrying what Shopify says is transient; the response has no errors. */
    public ClientGraphQlResponse execute(String shop, AdminDocument document, Map<String, ?> variables) {
        if (document == AdminDocument.BULK_ORDERS_QUERY) {
            throw new IllegalArgumentException("the bulk query is sent inside bulkOperationRunQuery, not on its own");
        }
        ShopConnection connection = connections.computeIfAbsent(checkedShop(shop), this::connect);
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            ClientGraphQlResponse response = null;
            Duration wait = Duration.ZERO;
            String failure = "no response";
            RuntimeException cause = null;
            // Asked on every attempt, not cached: the store refreshes an expiring token ahead of time,
            // and another instance may have refreshed it since our last call. Kept, so that a 401
            // names the token it refused.
            String token = tokens.forShop(shop);
            try {
                response = ScopedValue.where(SENT_TOKEN, token)
                        .call(() -> connection
                                .client()
                                .document(document.text())
                                .operationName(document.operationName())
                                // A copy that keeps nulls: null is meaningful to Shopify (e.g. compareDigest).
                                .variables(new HashMap<String, Object>(variables))
                                .executeSync());
            } catch (RuntimeException e) {
                // The GraphQL client may wrap the RestClient's exception in its transport exception.
                Optional<RestClientResponseException> http = causeOf(e, RestClientResponseException.class);
                if (http.isPresent()) {
                    int status = http.get().getStatusCode().value();
                    if (status == 401 && !refreshed) {
                        // The token may have been rotated, or revoked and re-granted: one fresh try,
                        // with whatever the store holds after refreshing the token it refused.
                        tokens.refresh(shop, token);
                        refreshed = true;
                    } else if (status == 429 || status >= 500) {
                        wait = retryAfter(http.get()).orElse(backoff(attempt));
                    } else {
                        throw new ShopifyAdminException(
                                document.operationName() + " on " + shop + " answered HTTP " + status + ": "
                                        + http.get().getResponseBodyAsString(),
                                e);
                    }
                    failure = "HTTP " + status;
                } else if (causeOf(e, ResourceAccessException.class).isPresent()) {
                    wait = backoff(attempt);
                    failure = "I/O error: " + e.getMessage();
                } else {
                    throw e;
                }
                cause = e;
            }
            if (response != null) {
                if (!isThrottled(response)) {
                    if (!response.getErrors().isEmpty()) {
                        throw new AdminGraphQlErrorsException(
                                shop,
                                document,
                                response.getErrors().stream()
                                        .map(ResponseError::getMessage)
                                        .toList());
                    }
                    return response;
                }
                wait = AdminThrottle.waitFor(response.getExtensions()).orElse(properties.initialBackoff());
                failure = "THROTTLED";
            }
            if (attempt >= properties.maxAttempts()) {
                throw new AdminUnavailableException(shop, document, attempt, failure, cause);
            }
            if (!wait.isZero()) {
                sleeper.sleep(min(wait, properties.maxWait()));
            }
        }
    }

    private Duration backoff(int attempt) {
        return properties.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 16));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static boolean isThrottled(ClientGraphQlResponse response) {
        return response.getErrors().stream()
                .anyMatch(e -> "THROTTLED".equals(e.getExtensions().get("code")));
    }

    @SuppressWarnings("unchecked")
    private static List<AdminUserError> userErrors(Map<String, Object> payload) {
        Object errors = payload.get("userErrors");
        if (!(errors instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .map(e -> AdminUserError.fromMap((Map<String, Object>) e))
                .toList();
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static Optional<Duration> retryAfter(RestClientResponseException http) {
        String value = http.getResponseHeaders() == null
                ? null
                : http.getResponseHeaders().getFirst("Retry-After");
        if (value == null) {
            return Optional.empty();
        }
        try {
            // Shopify sends seconds, possibly fractional ("2.0"); an HTTP date falls back to backoff.
            return Optional.of(Duration.ofMillis(Math.max(0, Math.round(Double.parseDouble(value.trim()) * 1000))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String checkedShop(String shop) {
        if (shop == null || !SHOP_DOMAIN.matcher(shop).matches()) {
            throw new IllegalArgumentException("not a myshopify.com domain: " + shop);
        }
        return shop;
    }

    private ShopConnection connect(String shop) {
        ShopConnection connection = new ShopConnection();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(properties.readTimeout());
        RestClient restClient = RestClient.builder()
                .baseUrl(properties.shopOrigin().replace("{shop}", shop) + "/admin/api/" + properties.apiVersion()
                        + "/graphql.json")
                .requestFactory(requestFactory)
                .requestInterceptor((request, body, execution) -> {
                    // The synchronous client runs this on the calling thread, inside execute's scope.
                    request.getHeaders().set(TOKEN_HEADER, SENT_TOKEN.get());
                    return execution.execute(request, body);
                })
                .build();
        connection.client = HttpSyncGraphQlClient.builder(restClient).build();
        return connection;
    }

    /** One shop's client; each attempt's token comes from {@link AccessTokens} at that moment. */
    private static final class ShopConnection {
        HttpSyncGraphQlClient client;

        HttpSyncGraphQlClient client() {
            return client;
        }
    }
}
