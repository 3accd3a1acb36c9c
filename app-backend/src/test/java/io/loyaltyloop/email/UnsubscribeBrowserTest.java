package io.loyaltyloop.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.loyaltyloop.browser.PageChecks.pathOf;
import static io.loyaltyloop.db.Tables.EMAIL_UNSUBSCRIBE;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Shops;
import java.time.Clock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The unsubscribe link in every email, opened in a real Chromium: a page first, then one button. */
@BrowserTest
class UnsubscribeBrowserTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    Clock clock;

    @Test
    void openingTheLinkAsksFirstAndTheButtonUnsubscribes(Page page) {
        Shop shop = Shops.newShop(dsl);
        long customer = EmailFixtures.customer(dsl, shop, EmailFixtures.address());
        String link = pathOf(links.url(shop.id(), customer, clock.instant()));

        Response opened = page.navigate(link);

        assertThat(opened.status()).isEqualTo(200);
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Unsubscribe");
        assertThat(page.getByText("Stop receiving emails from " + shop.name() + "?"))
                .isVisible();
        assertThat(unsubscribed(shop, customer)).isFalse();

        Response answer = page.waitForResponse(
                r -> r.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unsubscribe"))
                        .click());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("You are unsubscribed");
        assertThat(unsubscribed(shop, customer)).isTrue();

        page.navigate(link);
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("You are unsubscribed");
        assertThat(page.getByRole(AriaRole.BUTTON)).hasCount(0);
    }

    private boolean unsubscribed(Shop shop, long customer) {
        return dsl.fetchExists(
                EMAIL_UNSUBSCRIBE,
                EMAIL_UNSUBSCRIBE.SHOP_ID.eq(shop.id().value()).and(EMAIL_UNSUBSCRIBE.CUSTOMER_ID.eq(customer)));
    }
}
