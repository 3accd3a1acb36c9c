package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.ADMIN_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The standalone login's throttle: 5 failures for one (store, email) in 15 minutes lock it for 15
 * minutes, with the same answer as a wrong password; unknown accounts are counted the same way.
 */
class LoginThrottleTest extends AdminWebTest {

    private static final String WRONG = "not the password at all";

    @Autowired
    AdminAccounts accounts;

    @Autowired
    AdminLoginThrottle throttle;

    Shop shop;

    @BeforeEach
    void shopWithTwoOwners() {
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        accounts.create(shop.id(), "owner@throttle.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "other@throttle.test", PASSWORD, AdminRole.OWNER);
    }

    @AfterEach
    void letEveryWindowRunOut() {
        // The shared backend's clock only moves forward; past the window, this test's failures from
        // 127.0.0.1 no longer count against other tests' logins.
        clock.advance(AdminLoginThrottle.WINDOW.plusMinutes(1));
    }

    @Test
    void afterFiveFailuresTheRightPasswordIsRefusedWithTheSameAnswer() {
        failFiveTimes("owner@throttle.test");

        HttpResponse<String> right = client.login(shop.platformShopKey(), "owner@throttle.test", PASSWORD);

        assertRefused(right);
        assertThat(lastLoginOf("owner@throttle.test")).isNull();
    }

    @Test
    void fourFailuresDoNotLockAndASuccessStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            assertRefused(client.login(shop.platformShopKey(), "owner@throttle.test", WRONG));
        }
        assertLoggedIn(new AdminClient(port).login(shop.platformShopKey(), "owner@throttle.test", PASSWORD));

        for (int i = 0; i < 4; i++) {
            assertRefused(client.login(shop.platformShopKey(), "owner@throttle.test", WRONG));
        }

        assertLoggedIn(new AdminClient(port).login(shop.platformShopKey(), "owner@throttle.test", PASSWORD));
    }

    @Test
    void fifteenMinutesAfterTheLockTheRightPasswordWorksAgain() {
        failFiveTimes("owner@throttle.test");
        clock.advance(Duration.ofMinutes(14));
        assertRefused(client.login(shop.platformShopKey(), "owner@throttle.test", PASSWORD));

        clock.advance(Duration.ofMinutes(1));

        assertLoggedIn(client.login(shop.platformShopKey(), "owner@throttle.test", PASSWORD));
    }

    @Test
    void attemptsWhileLockedDoNotLengthenTheLock() {
        failFiveTimes("owner@throttle.test");
        clock.advance(Duration.ofMinutes(10));
        for (int i = 0; i < 5; i++) {
            assertRefused(client.login(shop.platformShopKey(), "owner@throttle.test", WRONG));
        }

        clock.advance(Duration.ofMinutes(5));

        assertLoggedIn(client.login(shop.platformShopKey(), "owner@throttle.test", PASSWORD));
    }

    @Test
    void otherAccountsOfTheShopAreNotAffected() {
        failFiveTimes("owner@throttle.test");

        assertLoggedIn(client.login(shop.platformShopKey(), "other@throttle.test", PASSWORD));
    }

    @Test
    void anUnknownAccountIsThrottledExactlyLikeAKnownOne() {
        String address = "127.0.0.1";
        for (int i = 0; i < 5; i++) {
            assertRefused(client.login(shop.platformShopKey(), "nobody@throttle.test", WRONG));
            assertRefused(client.login("no-such-store.myshopify.com", "owner@throttle.test", WRONG));
        }

        assertThat(throttle.locked(shop.platformShopKey(), "nobody@throttle.test", address))
                .isTrue();
        assertThat(throttle.locked("no-such-store.myshopify.com", "owner@throttle.test", address))
                .isTrue();
        assertThat(throttle.locked(shop.platformShopKey(), "owner@throttle.test", address))
                .isFalse();
    }

    @Test
    void theStoreAndEmailAreCountedWhateverTheirCase() {
        for (int i = 0; i < 5; i++) {
            client.login(
                    i % 2 == 0 ? shop.platformShopKey().toUpperCase() : shop.platformShopKey(),
                    "OWNER@throttle.test",
                    WRONG);
        }

        assertRefused(client.login(shop.platformShopKey(), "owner@throttle.test", PASSWORD));
    }

    @Test
    void fiftyFailuresFromOneAddressLockEveryAccountFromThere() {
        String address = "203.0.113.7";
        for (int i = 0; i < AdminLoginThrottle.ADDRESS_FAILURES; i++) {
            throttle.failed(shop.platformShopKey(), "guess-" + i + "@throttle.test", address);
        }

        assertThat(throttle.locked(shop.platformShopKey(), "owner@throttle.test", address))
                .isTrue();
        assertThat(throttle.locked(shop.platformShopKey(), "owner@throttle.test", "203.0.113.8"))
                .isFalse();
    }

    private void failFiveTimes(String email) {
        for (int i = 0; i < AdminLoginThrottle.ACCOUNT_FAILURES; i++) {
            assertRefused(client.login(shop.platformShopKey(), email, WRONG));
        }
    }

    private static void assertRefused(HttpResponse<String> login) {
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/login?error"));
    }

    private static void assertLoggedIn(HttpResponse<String> login) {
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
    }

    private Object lastLoginOf(String email) {
        return dsl.select(ADMIN_ACCOUNT.LAST_LOGIN_AT)
                .from(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.id().value()))
                .and(ADMIN_ACCOUNT.EMAIL.eq(email))
                .fetchOne(ADMIN_ACCOUNT.LAST_LOGIN_AT);
    }
}
