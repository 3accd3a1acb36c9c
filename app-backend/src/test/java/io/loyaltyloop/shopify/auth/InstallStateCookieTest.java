package io.loyaltyloop.shopify.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstallStateCookieTest {

    private static final String SHOP = "state-test.myshopify.com";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-01T12:00:00Z"));
    private final InstallStateCookie cookies = new InstallStateCookie("a".repeat(64), true, clock);

    @Test
    void anIssuedStateVerifiesForItsShopUntilItsLifetimeEnds() {
        InstallStateCookie.Issued issued = cookies.issue(SHOP);

        clock.advance(InstallStateCookie.LIFETIME);
        cookies.verify(issued.cookie().getValue(), SHOP, issued.nonce());

        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> cookies.verify(issued.cookie().getValue(), SHOP, issued.nonce()))
                .isInstanceOf(InstallRejectedException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void everyStateIsFresh() {
        assertThat(cookies.issue(SHOP).nonce()).isNotEqualTo(cookies.issue(SHOP).nonce());
    }

    @Test
    void aCookieSignedUnderAnotherAppSecretIsRefused() {
        InstallStateCookie.Issued foreign = new InstallStateCookie("b".repeat(64), true, clock).issue(SHOP);

        assertThatThrownBy(() -> cookies.verify(foreign.cookie().getValue(), SHOP, foreign.nonce()))
                .isInstanceOf(InstallRejectedException.class)
                .hasMessageContaining("not ours");
    }

    @Test
    void theCookieIsSecureOnlyWhenTheAppIsServedOverHttps() {
        assertThat(cookies.issue(SHOP).cookie().isSecure()).isTrue();
        assertThat(new InstallStateCookie("a".repeat(64), false, clock)
                        .issue(SHOP)
                        .cookie()
                        .isSecure())
                .isFalse();
        assertThat(cookies.cleared().getMaxAge()).isZero();
    }
}
