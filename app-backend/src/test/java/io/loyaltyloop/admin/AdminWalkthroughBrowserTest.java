package io.loyaltyloop.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.browser.AdminLogin;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.review.ReviewInvitations;
import io.loyaltyloop.review.ReviewQuery;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.review.ReviewStatus;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.webhook.InboxWorker;
import io.loyaltyloop.shopify.webhook.WebhookEdgeTest;
import io.loyaltyloop.shopify.webhook.WebhookEdgeTest.Delivery;
import io.loyaltyloop.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin issue's walk-through, on one Shopify shop fed by signed webhooks in Shopify's format: the
 * owner opens the dashboard, changes the earning rate and sees the next order earn at it, adjusts a
 * customer's balance, moderates the review the customer wrote, and edits and previews an email.
 */
@BrowserTest
class AdminWalkthroughBrowserTest extends BackendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "correct horse battery staple";
    /** The customer of Shopify's example order. */
    private static final String CUSTOMER = "115310627314723954";

    @Autowired
    ShopService shops;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    InboxWorker worker;

    @Autowired
    ReviewInvitations invitations;

    @Autowired
    ReviewService reviews;

    @Autowired
    DSLContext dsl;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    private final String domain = "walk-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private final String buyer = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    private Shop shop;

    @BeforeEach
    void installedShopWithAnOwner() {
        clock.set(START);
        shop = shops.register(new NewShop(Platform.SHOPIFY, domain, "Walkthrough Goods", "USD", "America/New_York"));
        accounts.create(shop.id(), "owner@walkthrough.test", PASSWORD, AdminRole.OWNER);
    }

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void anOwnerRunsTheProgramFromTheAdmin(Page page) throws Exception {
        // given the buyer's first order, paid and processed at the shipped rate of 1 point per dollar
        paid("820982911946154508", "#9999", "2026-11-02T10:00:00-05:00");
        clock.set(Instant.parse("2026-11-02T16:00:00Z"));
        drainInbox();
        long firstOrderPoints = pendingPoints();
        assertThat(firstOrderPoints).isPositive();

        // when the owner signs in, the dashboard opens
        page.setViewportSize(1280, 900);
        AdminLogin.signIn(page, domain, "owner@walkthrough.test", PASSWORD);

        // and they triple the earning rate on the Program screen, after reading the dry run
        nav(page, "Program");
        assertThat(page.locator("#current-rate")).hasText("1");
        page.getByLabel("Points per USD 1 spent").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview change"))
                .click();
        assertThat(page.locator("#dry-run")).containsText("1 order earned " + grouped(firstOrderPoints) + " points");
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Save").setExact(true))
                .click();
        assertThat(page.locator("#current-rate")).hasText("3");
        Screenshots.save(page, "walkthrough-program");

        // then the next order, the same basket, earns at three points per dollar: rounding down once,
        // so 3 × what the first earned, plus what the first's cents now add (under 3)
        paid("820982911946154509", "#10000", "2026-11-02T12:00:00-05:00");
        drainInbox();
        long secondOrderPoints = pendingPoints() - firstOrderPoints;
        assertThat(secondOrderPoints).isBetween(3 * firstOrderPoints, 3 * firstOrderPoints + 2);
        nav(page, "Customers");
        page.waitForFunction("() => { const q = document.querySelector('input[name=q]');"
                + " return !!(q && q['htmx-internal-data']); }");
        page.getByLabel("Search by email, name or customer id").pressSequentially(buyer);
        page.locator(".result-list li a").first().click();
        assertThat(page.locator("#balance-pending")).hasText(grouped(firstOrderPoints + secondOrderPoints));
        assertThat(page.locator("#ledger tbody tr").first()).containsText("+" + secondOrderPoints);

        // and the owner credits the customer 100 points, with the reason the ledger keeps
        page.getByLabel("Points", new Page.GetByLabelOptions().setExact(true)).fill("100");
        page.getByLabel("Reason").fill("Parcel arrived late");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Adjust points"))
                .click();
        assertThat(page.locator("#balance-available")).hasText("100");
        assertThat(page.locator("#ledger tbody tr").first()).containsText("Parcel arrived late");
        Screenshots.save(page, "walkthrough-customer");

        // and the customer reviews the first order through the emailed link: two stars wait for moderation
        long firstOrder = ReviewFixtures.orderId(dsl, shop.id(), "820982911946154508");
        String link = invitations.invitesFor(shop.id(), firstOrder).getFirst().url();
        page.navigate(PageChecks.pathOf(link));
        page.locator("#rating-1").focus();
        page.keyboard().press("Space");
        page.keyboard().press("ArrowRight");
        assertThat(page.getByLabel("2 stars")).isChecked();
        page.getByLabel("Your review (required)").fill("The hinge creaks after a week.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit review"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you for your review");

        // when the owner approves it from the moderation queue
        page.navigate("/admin");
        nav(page, "Reviews");
        Locator review = page.locator(".review");
        assertThat(review).hasCount(1);
        assertThat(review).containsText("The hinge creaks after a week.");
        review.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions().setName("Approve").setExact(true))
                .click();
        assertThat(review.getByRole(AriaRole.STATUS)).containsText("Approved");
        Screenshots.save(page, "walkthrough-reviews");

        // then the review is live and the customer got the review incentive, available at once
        assertThat(reviews.list(shop.id(), ReviewQuery.all()))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(ReviewStatus.PUBLISHED));
        assertThat(loyalty.balance(shop.id(), CUSTOMER).orElseThrow().available())
                .isEqualTo(100 + reviews.settings(shop.id()).incentivePoints());

        // and they edit the review request's subject and see the preview follow before saving
        nav(page, "Emails");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review request"))
                .click();
        FrameLocator preview = page.frameLocator("#email-preview-frame");
        assertThat(preview.locator("h1")).hasText("How did we do?");
        page.waitForFunction("() => { const c = document.getElementById('email-checked');"
                + " return !!(c && c['htmx-internal-data']); }");
        page.getByLabel("Subject").fill("A minute for {{ order.name }}?");
        Locator html = page.getByLabel("HTML body");
        html.fill(html.inputValue().replace("How did we do?", "Tell us everything"));
        assertThat(page.locator("#preview-subject")).hasText("A minute for #1001?");
        assertThat(preview.locator("h1")).hasText("Tell us everything");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Saved. The next emails of this kind use it.");
        assertThat(preview.locator("h1")).hasText("Tell us everything");
        Screenshots.save(page, "walkthrough-emails");

        // and every change is in the audit log
        nav(page, "Activity");
        assertThat(page.locator(".audit-list")).containsText("owner@walkthrough.test");
        assertThat(page.locator(".audit-entry")).not().hasCount(0);
    }

    private static void nav(Page page, String screen) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Loyalty admin"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(screen))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(screen).setExact(true)))
                .isVisible();
    }

    /** Points as the admin shows them: digits grouped by commas. */
    private static String grouped(long points) {
        return String.format(Locale.ROOT, "%,d", points);
    }

    private long pendingPoints() {
        return loyalty.balance(shop.id(), CUSTOMER).orElseThrow().pending();
    }

    private void drainInbox() {
        for (int round = 0; round < 100 && worker.drainOnce() > 0; round++) {}
    }

    /** Shopify's example order, as this test's buyer's, paid at {@code at}. */
    private void paid(String orderId, String name, String at) throws Exception {
        post("orders/paid", order -> {
            order.put("id", Long.parseLong(orderId));
            order.put("admin_graphql_api_id", "gid://shopify/Order/" + orderId);
            order.put("name", name);
            order.put("created_at", at);
            order.put("processed_at", at);
            order.put("updated_at", at);
            order.put("email", buyer);
            ((ObjectNode) order.get("customer")).put("email", buyer);
        });
    }

    private void post(String topic, Consumer<ObjectNode> edit) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(WebhookEdgeTest.fixture(topic));
        edit.accept(body);
        Delivery delivery = Delivery.of(domain, topic, JSON.writeValueAsString(body));
        HttpRequest request = delivery.request(URI.create("http://localhost:" + port + "/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()))
                .timeout(Duration.ofSeconds(10))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
    }
}
