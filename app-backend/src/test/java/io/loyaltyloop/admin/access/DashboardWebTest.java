package io.loyaltyloop.admin.access;

import static io.loyaltyloop.BackendTest.START;
import static io.loyaltyloop.admin.access.AdminFixtures.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dashboard screen over HTTP, signed in as a shop's staff member: its figures, the period picker
 * with and without htmx, its refusals of bad periods, and that it shows only the signed-in shop.
 * (In this package for the admin's test client; the screen is io.loyaltyloop.admin.dashboard.)
 */
class DashboardWebTest extends AdminWebTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

    @Autowired
    AdminAccounts accounts;

    Shop shop;
    LocalDate today;

    /** Orders of the last days; the ledger dates its entries by the engine's clock, set first. */
    @BeforeEach
    void shopWithFourMembersAndAStaffMember() {
        Instant now = Instant.now();
        clock.set(now);
        shop = shopWithOrders(now, "10.00", "10.00", "10.00", "1234.00");
        today = LocalDate.ofInstant(now, shop.timezone());
        accounts.create(shop.id(), "staff@shop.test", PASSWORD, AdminRole.STAFF);
        client.login(shop.platformShopKey(), "staff@shop.test", PASSWORD);
    }

    @AfterEach
    void clockBackToTheStart() {
        clock.set(START);
    }

    @Test
    void theWholePageShowsEveryKpiWithItsDefinitionAndTheCharts() {
        HttpResponse<String> page = client.get("/admin/dashboard");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<html", "<nav", "Last 30 days", label(today.minusDays(29), today))
                .contains("Members", "Points issued", "Points redeemed", "Points outstanding", "Outstanding liability")
                .contains("Redemption rate", "Repeat purchase rate", "Customer lifetime value", "Churn")
                .contains("Return rate", "Review rate", "Net Promoter Score", "Customer satisfaction")
                .contains("Retention by monthly cohort", "Month 0")
                .contains(
                        "aria-describedby=\"def-members\"", "id=\"def-members\"", "Customers with at least one points")
                .contains(">4<", "No data", "$")
                .contains("data-chart=\"bar\"", "data-series-points-issued=", "data-series-orders=")
                .contains("/admin/assets/admin-charts.js")
                .contains("Merchant alerts");
    }

    @Test
    void chartJsIsServedFromItsWebjarOnThisOrigin() {
        String html = client.get("/admin/dashboard").body();
        Matcher script = Pattern.compile("src=\"(/webjars/chart\\.js/[^\"]*chart\\.umd\\.min\\.js)\"")
                .matcher(html);

        assertThat(script.find())
                .as("a same-origin Chart.js script in %s", html)
                .isTrue();
        HttpResponse<String> chartJs = client.get(script.group(1));
        assertThat(chartJs.statusCode()).isEqualTo(200);
        assertThat(chartJs.body()).contains("Chart.js v4.");
    }

    @Test
    void thePointsOfABigOrderReadWithThousandsSeparatorsAndMoneyInTheShopsCurrency() {
        HttpResponse<String> page = client.get("/admin/dashboard?range=90d");

        assertThat(page.body()).containsPattern("1,2\\d\\d<").containsPattern("\\$[\\d,]+\\.\\d\\d<");
    }

    @Test
    void anHtmxRequestGetsOnlyTheContentFragmentForThePeriod() {
        HttpResponse<String> fragment = client.get("/admin/dashboard?range=7d", "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("id=\"dashboard-figures\"", label(today.minusDays(6), today), "value=\"7d\" selected")
                .doesNotContain("<html", "<nav");
    }

    @Test
    void aCustomPeriodShowsItsDaysAndBucketsByWeekWhenLong() {
        LocalDate from = today.minusDays(89);
        HttpResponse<String> page = client.get("/admin/dashboard?range=custom&from=" + from + "&to=" + today);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        label(from, today),
                        "Per week",
                        YearMonth.from(today.minusDays(2)).format(MONTH));
    }

    @Test
    void aShopsDashboardNeverShowsAnotherShopsNumbers() {
        // given another shop with many more members and one very big order
        Shop other = shopWithOrders(clock.instant(), "10.00", "10.00", "10.00", "10.00", "10.00", "10.00", "98765.00");

        HttpResponse<String> page = client.get("/admin/dashboard?range=90d");

        assertThat(page.body()).contains(shop.name(), ">4<").doesNotContain(other.name(), ">8<", "98,7", "98765");
    }

    @Test
    void anUnknownRangeIsRefusedWithA400PageThatSaysWhy() {
        assertRefused("/admin/dashboard?range=forever", "Choose one of the listed periods.");
    }

    @Test
    void aCustomPeriodWithoutAnEndDateIsRefused() {
        assertRefused("/admin/dashboard?range=custom&from=2026-10-01", "A custom period needs a end date.");
    }

    @Test
    void aCustomPeriodWithAMalformedDateIsRefused() {
        assertRefused(
                "/admin/dashboard?range=custom&from=01/10/2026&to=2026-10-31",
                "The start date is not a date (YYYY-MM-DD).");
    }

    @Test
    void aCustomPeriodEndingBeforeItStartsIsRefused() {
        assertRefused(
                "/admin/dashboard?range=custom&from=2026-10-31&to=2026-10-01",
                "The end date is before the start date.");
    }

    @Test
    void aCustomPeriodStartingInTheFutureIsRefused() {
        assertRefused(
                "/admin/dashboard?range=custom&from=" + today.plusDays(1) + "&to=" + today.plusDays(9),
                "The period starts in the future");
    }

    @Test
    void aCustomPeriodLongerThanFiveYearsIsRefused() {
        assertRefused("/admin/dashboard?range=custom&from=2016-01-01&to=2026-10-31", "at most 1830 days");
    }

    @Test
    void aRefusedPeriodAnswersAnHtmxRequestWithTheFragmentAndItsReason() {
        HttpResponse<String> fragment =
                client.get("/admin/dashboard?range=custom&from=2026-10-31&to=2026-10-01", "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(400);
        assertThat(fragment.body())
                .contains("role=\"alert\"", "The end date is before the start date.", "value=\"2026-10-31\"")
                .doesNotContain("<html", "Points issued");
    }

    private Shop shopWithOrders(Instant now, String... amounts) {
        Shop created = Shops.newShop(dsl);
        for (String amount : amounts) {
            loyalty.apply(Orders.order(created.id())
                    .placedAt(now.minus(Duration.ofDays(2)))
                    .line("1", amount)
                    .paid());
        }
        return created;
    }

    private static String label(LocalDate from, LocalDate to) {
        return DAY.format(from) + " – " + DAY.format(to);
    }

    private void assertRefused(String path, String reason) {
        HttpResponse<String> page = client.get(path);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("<html", "This period cannot be shown.", reason, "<form")
                .doesNotContain("Points issued");
    }
}
