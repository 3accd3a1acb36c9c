package io.loyaltyloop.system;

import static io.loyaltyloop.db.Tables.ADMIN_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.LoyaltyLoopApplication;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Shops;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** {@code admin create-account}, as an operator runs it beside the running backend. */
@ExtendWith(OutputCaptureExtension.class)
class CreateAdminAccountCommandTest extends BackendTest {

    private static final String PASSWORD = "a long enough password";

    @Autowired
    DSLContext dsl;

    Shop shop;
    private final InputStream realStdin = System.in;

    @BeforeEach
    void newShop() {
        shop = Shops.newShop(dsl);
    }

    @AfterEach
    void restoreStdin() {
        System.setIn(realStdin);
    }

    @Test
    void createsAnAccountWithThePasswordFromStdin(CapturedOutput output) {
        stdin(PASSWORD + "\n");

        int exitCode = createAccount("--shop", shop.platformShopKey(), "--email", "Owner@Shop.test", "--role", "owner");

        assertThat(exitCode).isZero();
        assertThat(output.getOut()).contains("Created OWNER account Owner@Shop.test for " + shop.platformShopKey());
        var row = dsl.selectFrom(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.id().value()))
                .fetchSingle();
        assertThat(row.getEmail()).isEqualTo("owner@shop.test");
        assertThat(BCrypt.checkpw(PASSWORD, row.getPasswordHash())).isTrue();
    }

    @Test
    void aPasswordAsAnArgumentIsRefusedBeforeAnythingRuns(CapturedOutput output) {
        int exitCode = createAccount(
                "--shop",
                shop.platformShopKey(),
                "--email",
                "a@shop.test",
                "--role",
                "OWNER",
                "--password=" + PASSWORD);

        assertThat(exitCode).isEqualTo(OperatorCommands.USAGE_ERROR);
        assertThat(output.getErr()).contains("never an argument");
        assertThat(output.toString()).doesNotContain(PASSWORD);
        assertThat(accounts()).isZero();
    }

    @Test
    void anUnknownRoleIsAUsageError(CapturedOutput output) {
        stdin(PASSWORD + "\n");

        int exitCode = createAccount("--shop", shop.platformShopKey(), "--email", "a@shop.test", "--role", "ADMIN");

        assertThat(exitCode).isEqualTo(OperatorCommands.USAGE_ERROR);
        assertThat(output.getErr()).contains("Usage: admin create-account");
        assertThat(accounts()).isZero();
    }

    @Test
    void anUnknownStoreIsRefused(CapturedOutput output) {
        stdin(PASSWORD + "\n");

        int exitCode = createAccount("--shop", "nowhere.myshopify.com", "--email", "a@shop.test", "--role", "OWNER");

        assertThat(exitCode).isEqualTo(CreateAdminAccountCommand.REFUSED);
        assertThat(output.getErr()).contains("No installed store nowhere.myshopify.com");
    }

    @Test
    void aShortPasswordIsRefused(CapturedOutput output) {
        stdin("short\n");

        int exitCode = createAccount("--shop", shop.platformShopKey(), "--email", "a@shop.test", "--role", "STAFF");

        assertThat(exitCode).isEqualTo(CreateAdminAccountCommand.REFUSED);
        assertThat(output.getErr()).contains("Not created: the password needs at least 12 characters");
        assertThat(accounts()).isZero();
    }

    private int createAccount(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "admin";
        args[1] = "create-account";
        System.arraycopy(options, 0, args, 2, options.length);
        args[args.length - 1] = "--loyalty.database.embedded.data-directory=" + DATA_DIRECTORY;
        return OperatorCommands.run(LoyaltyLoopApplication.class, args);
    }

    private static void stdin(String text) {
        System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private int accounts() {
        return dsl.fetchCount(ADMIN_ACCOUNT, ADMIN_ACCOUNT.SHOP_ID.eq(shop.id().value()));
    }
}
