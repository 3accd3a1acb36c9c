package io.loyaltyloop.admin.activity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.admin.access.AdminAccounts;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.browser.AdminLogin;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shopify.webhook.WebhookEdgeTest;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An owner reads the audit log, pages back, filters it, and retries a parked webhook. */
@BrowserTest
class ActivityAdminBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    DSLContext dsl;

    @Autowired
    AdminAccounts accounts;

    @Autowired
    MutableClock clock;

    Shop shop;

    @BeforeEach
    void shopWithAnAuditTrailAParkedDeliveryAndAnOwner() {
        shop = Shops.newShop(dsl);
        AuditLog audit = new AuditLog(dsl);
        audit.record(shop.id(), "admin:owner@shop.test", "review.approved", "review:7", Map.of());
        for (int i = 1; i <= 55; i++) {
            audit.record(
                    shop.id(),
                    "admin:owner@shop.test",
                    "points.adjusted",
                    "customer:" + i,
                    Map.of("points", 10 * i, "reason", "Goodwill"));
        }
        dsl.insertInto(WEBHOOK_INBOX)
                .set(WEBHOOK_INBOX.SHOP_DOMAIN, shop.platformShopKey())
                .set(WEBHOOK_INBOX.TOPIC, "orders/paid")
                .set(WEBHOOK_INBOX.EVENT_ID, "evt-browser")
                .set(
                        WEBHOOK_INBOX.RECEIVED_AT,
                        clock.instant().minus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC))
                .set(WEBHOOK_INBOX.PAYLOAD, WebhookEdgeTest.fixture("orders/paid"))
                .set(WEBHOOK_INBOX.STATUS, "PARKED")
                .set(WEBHOOK_INBOX.ATTEMPTS, 12)
                .set(WEBHOOK_INBOX.NEXT_ATTEMPT_AT, clock.instant().atOffset(ZoneOffset.UTC))
                .set(WEBHOOK_INBOX.LAST_ERROR, "shop is not installed (gave up after 12 attempts)")
                .execute();
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void anOwnerPagesFiltersAndRetriesAParkedWebhook(Page page) {
        // given the owner signed in
        AdminLogin.signIn(page, shop.platformShopKey(), "owner@shop.test", PASSWORD);

        // when they open Activity
        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Activity"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Activity")))
                .isVisible();
        Locator entries = page.locator("#audit-entries > li");
        assertThat(entries).hasCount(50);
        assertThat(entries.first()).containsText("Adjusted a customer's points");
        assertThat(entries.first()).containsText("customer:55");
        assertThat(page.locator("#parked")).containsText("evt-browser");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();

        // the older entries are appended below
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older entries"))
                .click();
        assertThat(entries).hasCount(56);
        assertThat(entries.last()).containsText("Approved a review");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Older entries")))
                .hasCount(0);

        // filtering by a family of actions leaves only those
        page.getByLabel("Action").selectOption(new SelectOption().setLabel("Reviews"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/admin/activity\\?action=review.*"));
        assertThat(entries).hasCount(1);
        assertThat(entries.first()).containsText("review:7");

        // retrying the parked delivery takes it off the list
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Retry orders/paid evt-browser"))
                .click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("1 delivery was put back in the queue.");
        assertThat(page.locator("#parked")).hasCount(0);
        assertThat(page.locator("#webhooks-waiting")).hasText("1");
        assertThat(dsl.fetchValue(dsl.select(WEBHOOK_INBOX.STATUS)
                        .from(WEBHOOK_INBOX)
                        .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(shop.platformShopKey()))))
                .isEqualTo("PENDING");
        assertThat(dsl.fetchCount(
                        AUDIT_LOG, AUDIT_LOG.SHOP_ID.eq(shop.id().value()).and(AUDIT_LOG.ACTION.eq("activity.retry"))))
                .isEqualTo(1);
        Screenshots.save(page, "admin-activity");

        // and the screen works on a phone
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        page.navigate("/admin/activity");
        assertThat(entries).hasCount(50);
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-activity-375");
    }
}
