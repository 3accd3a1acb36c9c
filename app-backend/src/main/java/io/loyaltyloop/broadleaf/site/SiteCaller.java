package io.loyaltyloop.broadleaf.site;

import io.loyaltyloop.broadleaf.BroadleafProperties;
import io.loyaltyloop.broadleaf.wire.WireHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The backend's own calls to a site ({@code POST {siteUrl}/loyalty-loop/...}): JSON, signed with
 * the site's current secret, redirects not followed, bounded by {@code loyalty.broadleaf.site-timeout}.
 * What an answer means is the caller's; {@link #isPermanentRefusal} is the contract's shared rule.
 */
@Component
public class SiteCaller {

    /** 4xx answers that say "later", not "never": unsigned (a secret mid-rotation), timeout, throttled. */
    private static final Set<Integer> TRANSIENT_4XX = Set.of(401, 408, 429);

    private final BroadleafSites sites;
    private final Duration timeout;
    private final Clock clock;
    private final HttpClient http;

    SiteCaller(BroadleafSites sites, BroadleafProperties properties, Clock clock) {
        this.sites = sites;
        this.timeout = properties.siteTimeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Posts {@code body} to {@code path} under the site's base URL, signed.
     *
     * @throws IOException when the site did not answer (refused, timed out)
     */
    public HttpResponse<String> post(Site site, String path, byte[] body) throws IOException, InterruptedException {
        URI uri = URI.create(site.baseUrl() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WireHeaders.signed(
                        site.siteId(),
                        sites.currentSecret(site.shop().id()),
                        clock.instant(),
                        "POST",
                        uri.getRawPath(),
                        body)
                .forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A 4xx the site will answer again to the same request: retrying cannot help. */
    public static boolean isPermanentRefusal(int status) {
        return status >= 400 && status < 500 && !TRANSIENT_4XX.contains(status);
    }
}
