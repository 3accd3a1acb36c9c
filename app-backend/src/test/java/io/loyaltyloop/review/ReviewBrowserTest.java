package io.loyaltyloop.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.loyaltyloop.browser.PageChecks.pathOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.loyaltyloop.BackendTest;
import io.loyaltyloop.browser.BrowserTest;
import io.loyaltyloop.browser.PageChecks;
import io.loyaltyloop.browser.Screenshots;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The emailed review link, round trip, in a real Chromium: keyboard, errors, htmx, reuse. */
@BrowserTest
class ReviewBrowserTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ReviewInvitations invitations;

    @Autowired
    ReviewService reviews;

    Shop shop;
    long orderId;

    @BeforeEach
    void paidOrderOfTwoProducts() {
        shop = Shops.newShop(dsl);
        Orders order = Orders.order(shop.id()).line("a", "20.00").line("b", "10.00");
        loyalty.apply(order.paid());
        orderId = ReviewFixtures.orderId(dsl, shop.id(), order.id());
    }

    @Test
    void aCustomerReviewsAProductWithTheKeyboardAndTheLinkThenSaysItWasReviewed(Page page) {
        String link = pathOf(linkFor("product-a"));
        AtomicInteger pageLoads = new AtomicInteger();
        page.onLoad(p -> pageLoads.incrementAndGet());

        // given the form from the email's link
        Response opened = page.navigate(link);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(page.getByRole(AriaRole.HEADING)).hasText("Review Item a");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        Locator rating = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Your rating"));
        assertThat(rating.getByRole(AriaRole.RADIO)).hasCount(5);
        assertThat(page.getByLabel("Your review (required)")).isEditable();

        // when the customer writes a review but gives no rating, the browser itself refuses to send it
        page.getByLabel("Title (optional)").fill("Lovely");
        page.getByLabel("Your review (required)").fill("Soft and warm.\nWould buy again.");
        Locator submit = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit review"));
        AtomicInteger posts = new AtomicInteger();
        page.onRequest(request -> {
            if (request.method().equals("POST")) {
                posts.incrementAndGet();
            }
        });
        submit.click();
        assertThat(posts).hasValue(0);
        assertThat(page.locator("#rating-1").evaluate("radio => radio.validity.valueMissing"))
                .isEqualTo(true);

        // and a browser without form validation gets the server's error, tied to the rating group
        page.locator("#review-form").evaluate("form => form.noValidate = true");
        Response invalid = page.waitForResponse(r -> r.request().method().equals("POST"), submit::click);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.request().headerValue("HX-Request")).isEqualTo("true");
        assertThat(page.locator("#rating-error")).hasText("Choose a rating from 1 to 5 stars.");
        assertThat(rating).hasAttribute("aria-describedby", "rating-error");
        assertThat(rating).hasAttribute("aria-invalid", "true");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please correct the following");
        assertThat(page.getByLabel("Title (optional)")).hasValue("Lovely");

        // then the customer tabs from the error summary to the stars and picks five with the keyboard
        page.locator("#form-errors a").first().focus();
        page.keyboard().press("Tab");
        assertThat(page.locator("#rating-1")).isFocused();
        page.keyboard().press("Space");
        assertThat(page.getByLabel("1 star", new Page.GetByLabelOptions().setExact(true)))
                .isChecked();
        for (int i = 0; i < 4; i++) {
            page.keyboard().press("ArrowRight");
        }
        assertThat(page.getByLabel("5 stars")).isChecked();
        assertThat(page.getByLabel("5 stars")).isFocused();
        page.getByLabel("Name shown with your review (optional)").fill("Ada L.");

        // and sends it: htmx swaps the thank-you in place of the form
        Response sent = page.waitForResponse(r -> r.request().method().equals("POST"), submit::click);
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.request().headerValue("HX-Request")).isEqualTo("true");
        assertThat(sent.text()).contains("id=\"review-thanks\"").doesNotContain("<html");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Thank you for your review");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your review is now live.");
        assertThat(page.locator("#review-form")).hasCount(0);
        assertThat(pageLoads).hasValue(1);
        assertThat(page.url()).endsWith(link);
        Screenshots.save(page, "review-thanks");

        // the same link, opened again, says the item was reviewed
        Response reopened = page.reload();
        assertThat(reopened.status()).isEqualTo(409);
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("You already reviewed this item");

        List<Review> stored = reviews.list(shop.id(), ReviewQuery.all());
        assertThat(stored).singleElement().satisfies(review -> {
            assertThat(review.productId()).isEqualTo("product-a");
            assertThat(review.rating()).isEqualTo(5);
            assertThat(review.status()).isEqualTo(ReviewStatus.PUBLISHED);
            assertThat(review.title()).isEqualTo("Lovely");
            assertThat(review.body()).isEqualTo("Soft and warm.\nWould buy again.");
            assertThat(review.displayName()).isEqualTo("Ada L.");
            assertThat(review.verifiedBuyer()).isTrue();
        });
    }

    @Test
    void theFormFitsAPhoneScreenWithoutSidewaysScrolling(Page page) {
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);

        page.navigate(pathOf(linkFor("product-b")));

        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit review")))
                .isVisible();
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "review-form-375");
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isZero();
    }

    private String linkFor(String productId) {
        return ReviewFixtures.linkFor(invitations, shop.id(), orderId, productId);
    }
}
