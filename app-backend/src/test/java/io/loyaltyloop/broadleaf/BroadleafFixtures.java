package io.loyaltyloop.broadleaf;

import io.loyaltyloop.broadleaf.BroadleafProperties.Inbox;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.broadleaf.site.NewSite;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.util.unit.DataSize;

/** Sites of a test's own, and properties for classes a test builds by hand. */
public final class BroadleafFixtures {

    private BroadleafFixtures() {}

    /** A fresh site id, unique in the shared test database. */
    public static String siteId() {
        return "site-" + UUID.randomUUID().toString().substring(0, 12);
    }

    public static NewSite newSite(String siteId, String url) {
        return new NewSite(siteId, "Heat Clinic", url, "USD", "America/Chicago", null);
    }

    /** Registers a site at {@code url} (WireMock, or a URL nobody calls). */
    public static BroadleafSites.Registered register(BroadleafSites sites, String url) {
        return sites.register(newSite(siteId(), url));
    }

    public static BroadleafProperties properties(String secretKey, boolean allowHttp) {
        return new BroadleafProperties(
                secretKey,
                allowHttp,
                DataSize.ofMegabytes(1),
                Duration.ofSeconds(5),
                List.of(),
                new Inbox(true, Duration.ofSeconds(1), 100, Duration.ofMinutes(5), 3, Duration.ofDays(7)));
    }
}
