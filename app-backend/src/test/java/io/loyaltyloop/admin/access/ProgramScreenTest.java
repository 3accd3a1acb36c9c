package io.loyaltyloop.admin.access;

import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.journey.JourneyService;
import io.loyaltyloop.journey.JourneySettings;
import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.EarningExclusion;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.ExclusionField;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.auth.SessionTokens;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.Orders;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Program screen's first tab over HTTP: the spend rule with its dry run, exclusions, program
 * settings and journey timing; with and without htmx; every refusal changes nothing.
 */
class ProgramScreenTest extends AdminWebTest {

    static final String PAGE = "/admin/program";

    @Autowired
    AdminAccounts accounts;

    @Autowired
    EarningService earning;

    @Autowired
    JourneyService journeys;

    Shop shop;

    @BeforeEach
    void shopWithAnOwnerAndAStaffMember() {
        // No orders unless a test needs them: each paid order plans an email that the suite's shared
        // database then holds for every later journey test.
        shop = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
        accounts.create(shop.id(), "staff@shop.test", PASSWORD, AdminRole.STAFF);
    }

    // reading

    @Test
    void thePageShowsEverySectionAsAWholePageAndAsAFragmentForHtmx() {
        owner();

        HttpResponse<String> page = client.get(PAGE);
        HttpResponse<String> fragment = client.get(PAGE, "HX-Request", "true");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "<nav", "Earning rules", "Earning rule", "Exclusions", "Program settings")
                .contains("Journey timing", "Preview change", "aria-label=\"Program\"", "Rewards", "Tiers")
                .contains("Default: 7 days.", "Pending days");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("Earning rule", "Journey timing", "aria-current=\"page\">Earning<")
                .doesNotContain("<html", "aria-label=\"Loyalty admin\"");
    }

    @Test
    void staffReadsThePageWithoutTheWritingControls() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);

        String body = client.get(PAGE).body();

        assertThat(body).contains("Earning rule", "Journey timing").doesNotContain("Preview change", "Add exclusion");
    }

    @Test
    void theEmbeddedOwnerReadsAndChangesTheRuleWithTheSessionToken() {
        HttpResponse<String> read = client.get(PAGE, "HX-Request", "true", "Authorization", bearer());
        HttpResponse<String> saved = client.post(
                PAGE + "/earning-rule",
                PageClient.form("pointsPerUnit", "2", "rounding", "DOWN"),
                "HX-Request",
                "true",
                "Authorization",
                bearer());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("Earning rule").doesNotContain("<html");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(earning.rule(shop.id()).pointsPerUnit()).isEqualByComparingTo("2");
    }

    // the earning rule

    @Test
    void thePreviewSaysWhatTheLast90DaysWouldHaveEarnedAndChangesNothing() {
        AdminFixtures.customerOf(shop, loyalty);
        owner();
        String before = state();

        HttpResponse<String> answer = postHtmx("/earning-rule/preview", rule("3", "DOWN"));

        assertThat(answer.statusCode()).isEqualTo(200);
        // one 10.00 order earned 10 points; at 3 a unit it would have earned 30; a point is worth 0.01 (5 off for 500)
        assertThat(answer.body())
                .contains("Over the last 90 days, 1 order earned 10 points.")
                .contains("Under this rule they would have earned 30: 20 more points (≈ $0.20 of liability added")
                .contains("name=\"pointsPerUnit\" value=\"3\"", ">Save<")
                .doesNotContain("<html");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anOwnerSavesTheRuleWithHtmxAndItIsAudited() {
        owner();

        HttpResponse<String> answer = postHtmx("/earning-rule", rule("2.5", "HALF_UP"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("Saved. Orders paid from now on earn", "2.5")
                .doesNotContain("<html");
        assertThat(earning.rule(shop.id()).pointsPerUnit()).isEqualByComparingTo("2.5");
        assertThat(audits("program.earning_rule.update")).isEqualTo(1);
    }

    @Test
    void aPlainFormSaveIsRedirectedToThePageThatSaysSo() {
        owner();

        HttpResponse<String> answer = client.postWithCsrf(PAGE, PAGE + "/earning-rule", rule("4", "UP"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/admin/program?saved=earning"));
        assertThat(client.get(PAGE + "?saved=earning").body()).contains("Saved. Orders paid from now on earn");
        assertThat(earning.rule(shop.id()).pointsPerUnit()).isEqualByComparingTo("4");
    }

    @Test
    void theNewRateAppliesToTheNextOrderAndAnEarlierOrderKeepsItsPoints() {
        Orders earlier = Orders.order(shop.id()).line("1", "10.00");
        loyalty.apply(earlier.paid());
        owner();

        assertThat(postHtmx("/earning-rule", rule("3", "DOWN")).statusCode()).isEqualTo(200);
        Orders next = Orders.order(shop.id()).line("1", "10.00");
        loyalty.apply(next.paid());
        loyalty.apply(earlier.refund("r1", "1", "5.00"));

        assertThat(pending(next)).isEqualTo(30);
        assertThat(pending(earlier)).isEqualTo(5); // 1 a unit on the 5.00 left, as when it was paid
    }

    @Test
    void aRateOfZeroIsRefused() {
        assertRuleRefused("0", "DOWN", "more than 0");
    }

    @Test
    void aNegativeRateIsRefused() {
        assertRuleRefused("-1", "DOWN", "more than 0");
    }

    @Test
    void aRateAbove10000IsRefused() {
        assertRuleRefused("10000.5", "DOWN", "at most 10,000");
    }

    @Test
    void aRateWithMoreThanFourDecimalsIsRefused() {
        assertRuleRefused("1.23456", "DOWN", "at most 4 decimals");
    }

    @Test
    void aRateThatIsNotANumberIsRefused() {
        assertRuleRefused("1e3", "DOWN", "Enter a number");
        assertRuleRefused("three", "DOWN", "Enter a number");
    }

    @Test
    void anUnknownRoundingIsRefused() {
        assertRuleRefused("2", "SIDEWAYS", "how fractions of a point are rounded");
    }

    @Test
    void aPreviewOfARefusedRateIsRefusedToo() {
        owner();

        HttpResponse<String> answer = postHtmx("/earning-rule/preview", rule("0", "DOWN"));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"earning-rate-error\"").doesNotContain("id=\"dry-run\"");
    }

    @Test
    void aPlainFormRefusalGetsTheWholePageWithTheError() {
        owner();
        String before = state();

        HttpResponse<String> answer = client.postWithCsrf(PAGE, PAGE + "/earning-rule", rule("", "DOWN"));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body())
                .contains("<html", "Journey timing", "aria-describedby=\"earning-rate-error earning-rate-hint\"");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void staffCannotChangeTheRule() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
        String before = state();

        HttpResponse<String> answer =
                client.postWithCsrf(PAGE, PAGE + "/earning-rule", rule("3", "DOWN"), "HX-Request", "true");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aRuleChangeWithoutCsrfTokenIsForbidden() {
        owner();
        String before = state();

        HttpResponse<String> answer = client.post(PAGE + "/earning-rule", rule("3", "DOWN"));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(state()).isEqualTo(before);
    }

    // exclusions

    @Test
    void anOwnerAddsAndRemovesAnExclusion() {
        owner();

        HttpResponse<String> added =
                postHtmx("/exclusions", PageClient.form("field", "VENDOR", "value", "Acme Gift Wrap"));

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body())
                .contains("Exclusions saved.", "Acme Gift Wrap", "Vendor")
                .doesNotContain("<html");
        EarningExclusion exclusion = earning.exclusions(shop.id()).getFirst();
        HttpResponse<String> removed = postHtmx("/exclusions/" + exclusion.exclusionId() + "/delete", Map.of());
        assertThat(removed.statusCode()).isEqualTo(200);
        assertThat(removed.body()).doesNotContain("Acme Gift Wrap");
        assertThat(earning.exclusions(shop.id())).isEmpty();
        assertThat(audits("program.exclusion.add")).isEqualTo(1);
        assertThat(audits("program.exclusion.remove")).isEqualTo(1);
    }

    @Test
    void aPlainFormExclusionIsRedirected() {
        owner();

        HttpResponse<String> answer =
                client.postWithCsrf(PAGE, PAGE + "/exclusions", PageClient.form("field", "SKU", "value", "GIFT-1"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("?saved=exclusions"));
        assertThat(earning.exclusions(shop.id())).hasSize(1);
    }

    @Test
    void anEmptyExclusionValueIsRefused() {
        assertExclusionRefused(
                PageClient.form("field", "SKU", "value", "  "), "exclusion-value-error", "Enter the value");
    }

    @Test
    void anExclusionValueLongerThan255CharactersIsRefused() {
        assertExclusionRefused(
                PageClient.form("field", "SKU", "value", "x".repeat(256)), "exclusion-value-error", "255 characters");
    }

    @Test
    void anUnknownExclusionFieldIsRefused() {
        assertExclusionRefused(
                PageClient.form("field", "COLOUR", "value", "red"), "exclusion-field-error", "Choose what to match");
    }

    @Test
    void aDuplicateExclusionIsRefused() {
        earning.addExclusion(shop.id(), ExclusionField.SKU, "GIFT-1", "test");

        assertExclusionRefused(
                PageClient.form("field", "SKU", "value", "GIFT-1"), "exclusion-value-error", "already excluded");
    }

    @Test
    void removingAnUnknownExclusionIsNotFound() {
        owner();
        String before = state();

        assertThat(postHtmx("/exclusions/999999999/delete", Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(postHtmx("/exclusions/abc/delete", Map.of()).statusCode()).isEqualTo(400);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anotherShopsExclusionIsNotFoundAndStays() {
        Shop other = AdminFixtures.shopWithMembers(dsl, loyalty, 0);
        EarningExclusion theirs = earning.addExclusion(other.id(), ExclusionField.SKU, "THEIRS", "test");
        owner();

        HttpResponse<String> answer = postHtmx("/exclusions/" + theirs.exclusionId() + "/delete", Map.of());

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(earning.exclusions(other.id())).containsExactly(theirs);
        assertThat(client.get(PAGE).body()).doesNotContain("THEIRS");
    }

    @Test
    void staffCannotAddOrRemoveExclusions() {
        EarningExclusion exclusion = earning.addExclusion(shop.id(), ExclusionField.SKU, "KEEP", "test");
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
        String before = state();

        assertThat(client.postWithCsrf(PAGE, PAGE + "/exclusions", PageClient.form("field", "SKU", "value", "X"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/exclusions/" + exclusion.exclusionId() + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(403);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anExclusionWithoutCsrfTokenIsForbidden() {
        owner();
        String before = state();

        assertThat(client.post(PAGE + "/exclusions", PageClient.form("field", "SKU", "value", "X"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(state()).isEqualTo(before);
    }

    // program settings

    @Test
    void anOwnerSavesTheProgramSettings() {
        owner();

        HttpResponse<String> answer = postHtmx("/settings", settings("30", "6", "24", true));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Program settings saved.").doesNotContain("<html");
        assertThat(shops.settings(shop.id()).pendingDays()).isEqualTo(30);
        assertThat(shops.settings(shop.id()).expiryInactivityMonths()).isEqualTo(6);
        assertThat(shops.settings(shop.id()).tierWindowMonths()).isEqualTo(24);
        assertThat(shops.settings(shop.id()).allowNegativeBalance()).isTrue();
        assertThat(shops.settings(shop.id()).awardPriorOrders()).isFalse();
        assertThat(audits("program.settings.update")).isEqualTo(1);
    }

    @Test
    void aPlainFormSettingsSaveIsRedirected() {
        owner();

        HttpResponse<String> answer = client.postWithCsrf(PAGE, PAGE + "/settings", settings("7", "12", "12", false));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(shops.settings(shop.id()).pendingDays()).isEqualTo(7);
    }

    @Test
    void pendingDaysAbove365AreRefused() {
        assertSettingsRefused(settings("366", "12", "12", false), "settings-pending-error", "between 0 and 365");
    }

    @Test
    void expiryAbove120MonthsIsRefused() {
        assertSettingsRefused(settings("14", "121", "12", false), "settings-expiry-error", "between 0 and 120");
    }

    @Test
    void aTierWindowOfZeroIsRefused() {
        assertSettingsRefused(settings("14", "12", "0", false), "settings-tier-window-error", "between 1 and 60");
    }

    @Test
    void staffCannotChangeTheSettings() {
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
        String before = state();

        assertThat(client.postWithCsrf(PAGE, PAGE + "/settings", settings("30", "6", "24", true))
                        .statusCode())
                .isEqualTo(403);
        assertThat(state()).isEqualTo(before);
    }

    // journey timing

    @Test
    void anOwnerSavesTheJourneyTimingAndResetsItToTheDefaults() {
        owner();

        HttpResponse<String> saved = postHtmx("/journey", journey("reviewDays", "3", "stuckHours", "36"));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body())
                .contains("Journey timing saved.", "Reset to defaults")
                .doesNotContain("<html");
        JourneySettings settings = journeys.settings(shop.id());
        assertThat(settings.reviewDelay()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.stuckAfter()).isEqualTo(Duration.ofHours(36));
        assertThat(settings.surveyKind()).isEqualTo(JourneySettings.SurveyKind.CSAT);
        assertThat(settings.quietHours()).isFalse();
        assertThat(audits("program.journey.update")).isEqualTo(1);

        HttpResponse<String> reset = postHtmx("/journey/reset", Map.of());

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("reset to the defaults", "the defaults of this deployment");
        assertThat(journeys.hasOwnSettings(shop.id())).isFalse();
        assertThat(journeys.settings(shop.id())).isEqualTo(journeys.defaults());
        assertThat(audits("program.journey.reset")).isEqualTo(1);
    }

    @Test
    void aJourneyDelayAbove365DaysIsRefused() {
        assertJourneyRefused(journey("reminderDays", "400"), "journey-reminder-error", "from 0 to 365");
    }

    @Test
    void aStuckThresholdOfZeroHoursIsRefused() {
        assertJourneyRefused(journey("stuckHours", "0"), "journey-stuck-error", "from 1 to 8760");
    }

    @Test
    void aLastChanceBeforeTheFirstWarningIsRefused() {
        assertJourneyRefused(
                journey("expiryWarningDays", "7", "lastChanceDays", "30"),
                "journey-last-chance-error",
                "at most as many days before expiry");
    }

    @Test
    void staffCannotChangeOrResetTheJourneyTiming() {
        journeys.updateSettings(shop.id(), JourneySettings.DEFAULTS, "test");
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
        String before = state();

        assertThat(client.postWithCsrf(PAGE, PAGE + "/journey", journey()).statusCode())
                .isEqualTo(403);
        assertThat(client.postWithCsrf(PAGE, PAGE + "/journey/reset", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(state()).isEqualTo(before);
        assertThat(journeys.hasOwnSettings(shop.id())).isTrue();
    }

    // helpers

    private void owner() {
        client.login(shop.platformShopKey(), "owner@shop.test", PASSWORD);
    }

    private String bearer() {
        return "Bearer " + SessionTokens.token(SHOPIFY_SECRET, shop.platformShopKey(), clock.instant());
    }

    private HttpResponse<String> postHtmx(String path, Map<String, String> form) {
        return client.postWithCsrf(PAGE, PAGE + path, form, "HX-Request", "true");
    }

    private static Map<String, String> rule(String rate, String rounding) {
        return PageClient.form("pointsPerUnit", rate, "rounding", rounding);
    }

    private static Map<String, String> settings(String pending, String expiry, String window, boolean negative) {
        Map<String, String> form =
                PageClient.form("pendingDays", pending, "expiryMonths", expiry, "tierWindowMonths", window);
        if (negative) {
            form.put("allowNegativeBalance", "on");
        }
        return form;
    }

    /** A valid journey form (CSAT, quiet hours off) with {@code changes} applied. */
    private static Map<String, String> journey(String... changes) {
        Map<String, String> form = new LinkedHashMap<>(PageClient.form(
                "reviewDays", "7",
                "fallbackDays", "14",
                "reminderDays", "4",
                "surveyDays", "10",
                "expiryWarningDays", "30",
                "lastChanceDays", "7",
                "stuckHours", "120",
                "surveyKind", "CSAT"));
        form.putAll(PageClient.form(changes));
        return form;
    }

    private void assertRuleRefused(String rate, String rounding, String message) {
        owner();
        String before = state();

        HttpResponse<String> answer = postHtmx("/earning-rule", rule(rate, rounding));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains(message, "aria-invalid=\"true\"").doesNotContain("<html");
        assertThat(state()).isEqualTo(before);
    }

    private void assertExclusionRefused(Map<String, String> form, String errorId, String message) {
        assertRefused("/exclusions", form, errorId, message);
    }

    private void assertSettingsRefused(Map<String, String> form, String errorId, String message) {
        assertRefused("/settings", form, errorId, message);
    }

    private void assertJourneyRefused(Map<String, String> form, String errorId, String message) {
        assertRefused("/journey", form, errorId, message);
    }

    private void assertRefused(String path, Map<String, String> form, String errorId, String message) {
        owner();
        String before = state();

        HttpResponse<String> answer = postHtmx(path, form);

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("id=\"" + errorId + "\"", message, "aria-invalid=\"true\"");
        assertThat(state()).isEqualTo(before);
    }

    /** Everything a write on this screen could change, for "nothing changed". */
    private String state() {
        return earning.rule(shop.id()) + " " + earning.exclusions(shop.id()) + " " + shops.settings(shop.id()) + " "
                + journeys.hasOwnSettings(shop.id()) + journeys.settings(shop.id()) + " "
                + dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()));
    }

    private int audits(String action) {
        return dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq(action)));
    }

    private long pending(Orders order) {
        return loyalty.balance(shop.id(), order.customerId())
                .map(Balance::pending)
                .orElse(0L);
    }
}
