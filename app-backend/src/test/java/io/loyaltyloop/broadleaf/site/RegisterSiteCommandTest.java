package io.loyaltyloop.broadleaf.site;

import static io.loyaltyloop.db.Tables.ADMIN_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.LoyaltyLoopApplication;
import io.loyaltyloop.broadleaf.BroadleafFixtures;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.OperatorCommands;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code broadleaf register-site} and {@code rotate-secret}, as an operator runs them beside the backend. */
@ExtendWith(OutputCaptureExtension.class)
class RegisterSiteCommandTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    ShopService shops;

    @Autowired
    BroadleafSites sites;

    private final InputStream realStdin = System.in;

    @AfterEach
    void restoreStdin() {
        System.setIn(realStdin);
    }

    @Test
    void registersTheSitePrintsItsSecretOnceAndCreatesTheOwnersLogin(CapturedOutput output) {
        String siteId = BroadleafFixtures.siteId();
        System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));

        int exitCode = registerSite(
                "--site-id",
                siteId,
                "--name",
                "Heat Clinic",
                "--url",
                "https://heat.example.com",
                "--currency",
                "USD",
                "--timezone",
                "America/Chicago",
                "--owner-email",
                "owner@heat.example.com");

        assertThat(exitCode).as(output.getErr()).isZero();
        Matcher secret =
                Pattern.compile("^([A-Za-z0-9_-]{43})$", Pattern.MULTILINE).matcher(output.getOut());
        assertThat(secret.find()).as(output.getOut()).isTrue();
        var site = sites.find(siteId).orElseThrow();
        assertThat(sites.acceptedSecrets(site.shop().id())).containsExactly(secret.group(1));
        assertThat(shops.contactEmail(site.shop().id())).contains("owner@heat.example.com");
        assertThat(dsl.fetchCount(
                        ADMIN_ACCOUNT,
                        ADMIN_ACCOUNT.SHOP_ID.eq(site.shop().id().value()).and(ADMIN_ACCOUNT.ROLE.eq("OWNER"))))
                .isOne();
    }

    @Test
    void aSecondRegistrationOfTheSameSiteIsRefused(CapturedOutput output) {
        String siteId = BroadleafFixtures.siteId();
        registerSite(
                "--site-id",
                siteId,
                "--name",
                "A",
                "--url",
                "https://a.example",
                "--currency",
                "USD",
                "--timezone",
                "UTC");

        int exitCode = registerSite(
                "--site-id",
                siteId,
                "--name",
                "B",
                "--url",
                "https://b.example",
                "--currency",
                "USD",
                "--timezone",
                "UTC");

        assertThat(exitCode).isEqualTo(RegisterSiteCommand.REFUSED);
        assertThat(output.getErr()).contains("already registered");
        assertThat(sites.find(siteId).orElseThrow().baseUrl()).hasToString("https://a.example");
    }

    @Test
    void aMissingOptionIsAUsageErrorAndWritesNothing(CapturedOutput output) {
        String siteId = BroadleafFixtures.siteId();

        int exitCode = registerSite("--site-id", siteId, "--name", "A", "--url", "https://a.example");

        assertThat(exitCode).isEqualTo(OperatorCommands.USAGE_ERROR);
        assertThat(output.getErr()).contains("Usage: broadleaf register-site");
        assertThat(shops.findShop(Platform.BROADLEAF, siteId)).isEmpty();
    }

    @Test
    void rotatingPrintsTheNewSecretOnceAndKeepsThePreviousOneValid(CapturedOutput output) {
        BroadleafSites.Registered registered = BroadleafFixtures.register(sites, "https://r.example");

        int exitCode = command("rotate-secret", "--site-id", registered.site().siteId());

        assertThat(exitCode).as(output.getErr()).isZero();
        Matcher secret =
                Pattern.compile("^([A-Za-z0-9_-]{43})$", Pattern.MULTILINE).matcher(output.getOut());
        assertThat(secret.find()).as(output.getOut()).isTrue();
        assertThat(sites.acceptedSecrets(registered.site().shop().id()))
                .containsExactly(secret.group(1), registered.secret());
    }

    @Test
    void rotatingAnUnknownSiteIsRefused(CapturedOutput output) {
        int exitCode = command("rotate-secret", "--site-id", BroadleafFixtures.siteId());

        assertThat(exitCode).isEqualTo(RotateSecretCommand.UNKNOWN_SITE);
        assertThat(output.getErr()).contains("No Broadleaf site");
    }

    private int registerSite(String... options) {
        List<String> all = new ArrayList<>(List.of("register-site"));
        all.addAll(List.of(options));
        return command(all.toArray(String[]::new));
    }

    private int command(String... options) {
        List<String> args = new ArrayList<>(List.of("broadleaf"));
        args.addAll(List.of(options));
        args.add("--loyalty.database.embedded.data-directory=" + DATA_DIRECTORY);
        args.add("--loyalty.broadleaf.secret-key=" + BROADLEAF_SECRET_KEY);
        return OperatorCommands.run(LoyaltyLoopApplication.class, args.toArray(String[]::new));
    }
}
