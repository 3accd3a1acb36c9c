package io.loyaltyloop.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.LedgerVerifier;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.reward.Reward;
import io.loyaltyloop.reward.RewardCatalog;
import io.loyaltyloop.reward.RewardListing;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo as a newcomer runs it, in-process, on random ports, a demo day per real second and a few
 * seeded orders: what the README promises appears, within bounded waits.
 */
// A hang fails this class rather than the build's patience (a whole demo starts in @BeforeAll).
@org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoRunTest {

    static final String LINKS = "http://links.demo.test";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static Demo demo;
    private static final List<String> console = new ArrayList<>();
    private static final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @BeforeAll
    static void start() throws Exception {
        demo = Demo.start(
                DemoOptions.parse("--seed=7", "--orders=10", "--acceleration=86400"),
                Path.of("target", "demo-postgres-run").toAbsolutePath(),
                Map.of("server.port", 0, "loyalty.links.base-url", LINKS),
                line -> {
                    synchronized (console) {
                        console.add(line);
                    }
                });
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void printsTheUrlsOfEverythingItStarted() {
        assertThat(demo.urls())
                .contains(demo.backendUrl() + "/admin/login?shop=" + Demo.SHOP)
                .contains(demo.ownerPassword())
                .contains(demo.backendUrl() + "/demo/mail")
                .contains(demo.backendUrl() + "/storefront-test/" + Demo.SHOP + "?customer=")
                .contains("/__admin/requests");
        assertThat(demo.store().calls("AdminShopDetails")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void pointsAccrueAndBecomeAvailableAfterTheReturnWindow() {
        String customer = Long.toString(demo.regularCustomerId());

        await().atMost(PATIENCE)
                .until(() -> balance(customer).map(Balance::available).orElse(0L) > 0);
    }

    @Test
    @Order(3)
    void trackingEmailsAndReviewRequestsArriveAndShowOnTheMailboxPage() throws Exception {
        await().atMost(PATIENCE).until(() -> subjects().stream().anyMatch(s -> s.contains("is on its way")));
        await().atMost(PATIENCE).until(() -> reviewRequest().isPresent());

        HttpResponse<String> page = get(demo.backendUrl() + "/demo/mail");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("is on its way", "How do you like your order");
        HttpResponse<String> first = get(demo.backendUrl() + "/demo/mail/1");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(get(demo.backendUrl() + "/demo/mail/abc").statusCode()).isEqualTo(400);
        assertThat(get(demo.backendUrl() + "/demo/mail/99999").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void aReviewCanBeWrittenThroughTheEmailedLink() throws Exception {
        MimeMessage request = await().atMost(PATIENCE)
                .until(DemoRunTest::reviewRequest, Optional::isPresent)
                .orElseThrow();
        Matcher link = Pattern.compile(Pattern.quote(LINKS) + "/r/[A-Za-z0-9_.-]+")
                .matcher(DemoMailbox.text(request).orElseThrow());
        assertThat(link.find()).isTrue();
        String local = link.group().replace(LINKS, demo.backendUrl());

        assertThat(get(local).statusCode()).isEqualTo(200);
        HttpResponse<String> answer = post(
                local,
                "application/x-www-form-urlencoded",
                form(Map.of(
                        "rating", "5", "title", "Great", "body", "Arrived fast, fits well.", "displayName", "Ada")));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Thank you for your review");
    }

    @Test
    @Order(5)
    void aRewardIsRedeemedThroughTheStorefrontPagesSignedProxy() throws Exception {
        String customer = Long.toString(demo.regularCustomerId());
        Reward cheapest = demo
                .backend()
                .getBean(RewardCatalog.class)
                .listing(demo.shop().id())
                .stream()
                .map(RewardListing::reward)
                .filter(Reward::active)
                .min(Comparator.comparingLong(Reward::pointsCost))
                .orElseThrow();
        await().atMost(PATIENCE)
                .until(() -> balance(customer).map(Balance::available).orElse(0L) >= cheapest.pointsCost());

        HttpResponse<String> page = get(demo.backendUrl() + "/storefront-test/" + Demo.SHOP + "?customer=" + customer);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> redeemed = post(
                demo.backendUrl() + "/apps/loyalty/rewards/" + cheapest.id() + "/redeem?request_key=demo-test-1",
                "application/json",
                "{}");

        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        await().atMost(PATIENCE)
                .until(() -> demo.store().calls("AdminDiscountFreeShippingCreate")
                                + demo.store().calls("AdminDiscountFixedAmountCreate")
                                + demo.store().calls("AdminDiscountPercentageCreate")
                        > 0);
    }

    @Test
    @Order(6)
    void theLedgerVerifiesWithoutMismatches() {
        await().atMost(PATIENCE).until(() -> demo.simulator().finished());

        LedgerVerifier.Report report =
                demo.backend().getBean(LedgerVerifier.class).verifyAll(m -> {});

        assertThat(report.mismatches()).isZero();
        assertThat(report.accounts()).isPositive();
        assertThat(demo.simulator().refused()).isZero();
    }

    @Test
    @Order(7)
    void theOwnerSignsInAndTheDashboardShowsTheRun() {
        Path picture = Path.of("target", "screenshots", "demo-dashboard.png").toAbsolutePath();

        String dashboard = DashboardScreenshot.save(demo, picture);

        assertThat(dashboard).contains("Dashboard");
        assertThat(picture).isNotEmptyFile();
    }

    private static Optional<Balance> balance(String customer) {
        return demo.backend().getBean(LoyaltyService.class).balance(demo.shop().id(), customer);
    }

    private static List<String> subjects() {
        return demo.mailbox().messages().stream().map(DemoMailbox::subject).toList();
    }

    private static Optional<MimeMessage> reviewRequest() {
        return demo.mailbox().messages().stream()
                .filter(m -> DemoMailbox.subject(m).startsWith("How do you like"))
                .findFirst();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String type, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
