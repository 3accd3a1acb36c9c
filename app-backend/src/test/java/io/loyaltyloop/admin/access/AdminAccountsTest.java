package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.ADMIN_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Shops;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Local admin accounts: what is stored, what is refused, and a login. */
class AdminAccountsTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    AdminAccounts accounts;

    Shop shop;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
    }

    @Test
    void anAccountKeepsALowerCaseEmailAndABcryptHashNeverThePassword() {
        accounts.create(shop.id(), " Ann@Shop.Test ", PASSWORD, AdminRole.OWNER);

        var row = dsl.selectFrom(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(row.getEmail()).isEqualTo("ann@shop.test");
        assertThat(row.getPasswordHash()).startsWith("$2a$10$").doesNotContain(PASSWORD);
        assertThat(row.getRole()).isEqualTo("OWNER");
        assertThat(row.getLastLoginAt()).isNull();
    }

    @Test
    void aLoginWithTheRightPasswordOpensTheAccountAndIsRecorded() {
        accounts.create(shop.id(), "ann@shop.test", PASSWORD, AdminRole.STAFF);

        assertThat(accounts.login(shop.id(), "ANN@shop.test", PASSWORD))
                .hasValueSatisfying(account -> assertThat(account.role()).isEqualTo(AdminRole.STAFF));
        assertThat(accounts.login(shop.id(), "ann@shop.test", PASSWORD + "x")).isEmpty();
        assertThat(dsl.select(ADMIN_ACCOUNT.LAST_LOGIN_AT)
                        .from(ADMIN_ACCOUNT)
                        .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.id().value()))
                        .fetchSingle()
                        .value1())
                .isNotNull();
    }

    @Test
    void theSameEmailTwiceInOneShopIsRefused() {
        accounts.create(shop.id(), "ann@shop.test", PASSWORD, AdminRole.OWNER);

        assertThatThrownBy(() -> accounts.create(shop.id(), "ANN@shop.test", PASSWORD, AdminRole.STAFF))
                .isInstanceOf(AdminAccountException.class)
                .hasMessageContaining("already");
    }

    @Test
    void theSameEmailInAnotherShopIsAnotherAccount() {
        Shop other = Shops.newShop(dsl);
        accounts.create(shop.id(), "ann@shop.test", PASSWORD, AdminRole.OWNER);

        accounts.create(other.id(), "ann@shop.test", "another long password", AdminRole.STAFF);

        assertThat(accounts.login(other.id(), "ann@shop.test", PASSWORD)).isEmpty();
    }

    @Test
    void aShortPasswordIsRefused() {
        assertThatThrownBy(() -> accounts.create(shop.id(), "ann@shop.test", "short-pass", AdminRole.OWNER))
                .isInstanceOf(AdminAccountException.class)
                .hasMessageContaining("at least 12");
        assertThat(dsl.fetchCount(
                        ADMIN_ACCOUNT, ADMIN_ACCOUNT.SHOP_ID.eq(shop.id().value())))
                .isZero();
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsRefused() {
        assertThatThrownBy(() -> accounts.create(shop.id(), "ann@shop.test", "x".repeat(73), AdminRole.OWNER))
                .isInstanceOf(AdminAccountException.class)
                .hasMessageContaining("72 bytes");
    }

    @Test
    void aMalformedEmailIsRefused() {
        assertThatThrownBy(() -> accounts.create(shop.id(), "ann at shop", PASSWORD, AdminRole.OWNER))
                .isInstanceOf(AdminAccountException.class)
                .hasMessageContaining("not an email address");
    }
}
