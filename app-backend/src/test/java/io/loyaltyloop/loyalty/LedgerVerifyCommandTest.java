package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.POINTS_ACCOUNT;
import static io.loyaltyloop.testing.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.LoyaltyLoopApplication;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.OperatorCommands;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * {@code ledger verify} as an operator runs it beside a running backend: same jar, same default
 * database, which it reaches through the running server's data directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class LedgerVerifyCommandTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void nothingIsDueForRelease() {
        // Otherwise the release job could move this test's points while the command reads them.
        clock.set(START);
    }

    @Test
    void exitsZeroAndSaysSoWhenTheBooksAreConsistent(CapturedOutput output) {
        customerWithPoints();

        int exitCode = ledgerVerify();

        assertThat(exitCode).isZero();
        assertThat(lastLine(output)).matches("[1-9]\\d* accounts verified, 0 mismatches");
        assertThat(output.getErr()).contains("already running on port");
    }

    @Test
    void exitsOneAndNamesTheMismatchWhenABalanceWasChangedBehindTheLedgersBack(CapturedOutput output) {
        Customer customer = customerWithPoints();
        corruptAvailableBalance(customer, +1);
        try {
            int exitCode = ledgerVerify();

            assertThat(exitCode).isEqualTo(1);
            assertThat(lastLine(output)).matches("[1-9]\\d* accounts verified, 1 mismatches");
            assertThat(output.getOut())
                    .contains(customer.shop().id() + " customer " + customer.id()
                            + ": balance 50 pending / 1 available, ledger says 50 / 0");
        } finally {
            corruptAvailableBalance(customer, -1);
        }
    }

    @Test
    void exitsTwoAndPrintsUsageForAnUnknownCommand(CapturedOutput output) {
        int exitCode = OperatorCommands.run(LoyaltyLoopApplication.class, "ledger", "balance");

        assertThat(exitCode).isEqualTo(2);
        assertThat(output.getErr()).contains("Unknown command: ledger balance", "ledger verify", "Exit status");
        assertThat(output.getOut()).doesNotContain("Usage");
    }

    @Test
    void exitsThreeWhenItCannotReachTheDatabase(CapturedOutput output) {
        int exitCode = OperatorCommands.run(
                LoyaltyLoopApplication.class,
                "ledger",
                "verify",
                "--spring.datasource.url=jdbc:postgresql://localhost:1/nowhere");

        assertThat(exitCode).isEqualTo(3);
        assertThat(output.getErr()).contains("ledger verify could not run");
        assertThat(output.getOut()).doesNotContain("accounts verified");
    }

    private int ledgerVerify() {
        return OperatorCommands.run(
                LoyaltyLoopApplication.class,
                "ledger",
                "verify",
                "--loyalty.database.embedded.data-directory=" + DATA_DIRECTORY);
    }

    private record Customer(Shop shop, long id) {}

    private Customer customerWithPoints() {
        Shop shop = Shops.newShop(dsl);
        Orders o = order(shop.id()).line("1", "50.00");
        loyalty.apply(o.paid());
        return new Customer(shop, loyalty.customerId(shop.id(), o.customerId()));
    }

    private void corruptAvailableBalance(Customer customer, int delta) {
        dsl.update(POINTS_ACCOUNT)
                .set(POINTS_ACCOUNT.AVAILABLE, POINTS_ACCOUNT.AVAILABLE.plus(delta))
                .where(POINTS_ACCOUNT.SHOP_ID.eq(customer.shop().id().value()))
                .and(POINTS_ACCOUNT.CUSTOMER_ID.eq(customer.id()))
                .execute();
    }

    private static String lastLine(CapturedOutput output) {
        List<String> lines = output.getOut().lines().toList();
        assertThat(lines).isNotEmpty();
        return lines.getLast();
    }
}
