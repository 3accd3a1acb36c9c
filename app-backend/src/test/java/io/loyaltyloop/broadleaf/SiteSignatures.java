package io.loyaltyloop.broadleaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.loyaltyloop.broadleaf.site.BroadleafSites;
import io.loyaltyloop.broadleaf.wire.WireHeaders;
import io.loyaltyloop.broadleaf.wire.WireSignature;
import java.time.Instant;
import java.util.List;

/** The site's check of the backend's calls, done with the backend's own verifier code. */
public final class SiteSignatures {

    private SiteSignatures() {}

    /** The call (received by WireMock playing the site) is signed with the site's secret at {@code now}. */
    public static void assertSignedBySite(
            ServeEvent call, BroadleafSites.Registered registered, Instant now, String expectedPath) {
        var request = call.getRequest();
        assertThat(request.getHeader(WireHeaders.WIRE)).isEqualTo("1");
        assertThat(request.getHeader(WireHeaders.SITE))
                .isEqualTo(registered.site().siteId());
        assertThat(Long.parseLong(request.getHeader(WireHeaders.TIMESTAMP))).isEqualTo(now.getEpochSecond());
        assertThat(request.getHeader(WireHeaders.NONCE)).matches("[A-Za-z0-9_-]{22}");
        String stringToSign = WireSignature.stringToSign(
                registered.site().siteId(),
                Long.parseLong(request.getHeader(WireHeaders.TIMESTAMP)),
                request.getHeader(WireHeaders.NONCE),
                request.getMethod().getName(),
                request.getUrl(),
                request.getBody());
        assertThat(WireSignature.matches(
                        List.of(registered.secret()), stringToSign, request.getHeader(WireHeaders.SIGNATURE)))
                .isTrue();
        assertThat(request.getUrl()).isEqualTo(expectedPath);
    }
}
