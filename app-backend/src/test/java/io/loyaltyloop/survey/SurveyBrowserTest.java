package io.loyaltyloop.survey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.loyaltyloop.browser.PageChecks.pathOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The one-click NPS link from the survey email, in a real Chromium. */
@BrowserTest
class SurveyBrowserTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    SurveyLinks links;

    @Autowired
    SurveyService surveys;

    @Test
    void theScoreClickedInTheEmailIsPreselectedAndSentWithAComment(Page page) {
        Shop shop = Shops.newShop(dsl);
        Orders order = Orders.order(shop.id()).line("a", "20.00");
        loyalty.apply(order.paid());
        long orderId = ReviewFixtures.orderId(dsl, shop.id(), order.id());
        String link = links.scoreLinks(shop.id(), orderId, SurveyType.NPS).get(9);

        page.navigate(pathOf(link));

        assertThat(page.getByRole(AriaRole.HEADING)).hasText("How likely are you to recommend us to a friend?");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Your score"))
                        .getByRole(AriaRole.RADIO))
                .hasCount(11);
        assertThat(page.getByLabel("9", new Page.GetByLabelOptions().setExact(true)))
                .isChecked();
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        assertThat(surveys.response(shop.id(), orderId, SurveyType.NPS)).isEmpty();

        page.getByLabel("Anything you would like to tell us?").fill("Fast delivery, kind note in the box.");
        Response sent = page.waitForResponse(
                r -> r.request().method().equals("POST"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send my answer"))
                        .click());

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.request().headerValue("HX-Request")).isEqualTo("true");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you");
        assertThat(page.locator("#survey-form")).hasCount(0);
        assertThat(surveys.response(shop.id(), orderId, SurveyType.NPS)).hasValueSatisfying(answer -> {
            assertThat(answer.score()).isEqualTo(9);
            assertThat(answer.comment()).isEqualTo("Fast delivery, kind note in the box.");
        });
    }
}
