package io.loyaltyloop.admin.reviews;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.loyaltyloop.review.Review;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.review.ReviewStatus;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Shops;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An owner moderates the queue as a merchant would: filters it, ticks two reviews (keyboard and
 * mouse) and approves them at once, rejects a third with a reason, replies to a published one; then
 * the same screen on a phone. Saves admin-reviews and admin-reviews-375.
 */
@BrowserTest
class ReviewAdminBrowserTest extends BackendTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ReviewService reviews;

    @Autowired
    AdminAccounts accounts;

    Shop shop;
    Review tooSmall;
    Review faded;
    Review rude;
    Review lovely;

    @BeforeEach
    void shopWithPendingReviewsAndAnOwner() {
        shop = Shops.newShop(dsl);
        String customer = "customer-" + UUID.randomUUID();
        lovely = review(customer, "c", 5, "Lovely shirt", "Soft, warm and the colour is exactly as pictured.");
        tooSmall = review(customer, "a", 3, "Runs small", "Order one size up; otherwise a fine shirt.");
        faded = review(customer, "b", 2, "Colour faded", "Faded after the first wash at 30 degrees.");
        rude = review(customer, "a", 1, "Useless", "Worst shop ever, call me on 555-0100.");
        ReviewFixtures.name(dsl, shop.id(), customer, "ottilie@example.test", "Ottilie", "Featherstone");
        accounts.create(shop.id(), "owner@shop.test", PASSWORD, AdminRole.OWNER);
    }

    @Test
    void anOwnerFiltersApprovesTwoRejectsOneAndReplies(Page page) {
        // given the owner signed in
        page.setViewportSize(1280, 900);
        AdminLogin.signIn(page, shop.platformShopKey(), "owner@shop.test", PASSWORD);

        // when they open Reviews, the pending queue shows, with its count
        page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Reviews"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Waiting for moderation")))
                .isVisible();
        assertThat(page.locator(".review")).hasCount(3);

        // they narrow it to two-star reviews and back to any rating
        page.getByLabel("Rating").selectOption("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(page.locator(".review")).hasCount(1);
        assertThat(page.locator(".review")).containsText("Colour faded");
        page.getByLabel("Rating").selectOption("");
        // the queue had 3 rows before the filter too: wait for this answer and its swap, or a tick
        // made before the swap lands would be swapped away (seen in the full suite)
        page.waitForResponse(
                response -> response.url().contains("/admin/reviews"),
                () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                        .click());
        page.waitForFunction("() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')");
        assertThat(page.locator(".review")).hasCount(3);
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();

        // they tick one with the keyboard and one with the mouse, and approve both at once
        row(page, tooSmall).getByRole(AriaRole.CHECKBOX).focus();
        page.keyboard().press("Space");
        row(page, faded).getByRole(AriaRole.CHECKBOX).click();
        assertThat(page.locator("#selected-count")).hasText("2 selected");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve selected"))
                .click();

        // then the live region says so and the queue holds only the third
        assertThat(page.locator("#bulk-status")).hasText("2 approved.");
        assertThat(page.locator(".review")).hasCount(1);
        assertThat(reviews.getReview(shop.id(), tooSmall.reviewId()).status()).isEqualTo(ReviewStatus.PUBLISHED);
        assertThat(reviews.getReview(shop.id(), faded.reviewId()).status()).isEqualTo(ReviewStatus.PUBLISHED);

        // a rejection without a reason is refused next to its field; with one, the row says why
        Locator third = row(page, rude);
        third.getByText("Reject", new Locator.GetByTextOptions().setExact(true)).click();
        third.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reject review"))
                .click();
        assertThat(row(page, rude).getByText("Give a reason")).isVisible();
        row(page, rude).getByLabel("Reason for rejecting").fill("Holds a phone number");
        row(page, rude).getByLabel("Reason for rejecting").press("Enter");
        assertThat(row(page, rude)).containsText("Rejected: Holds a phone number");
        assertThat(reviews.getReview(shop.id(), rude.reviewId()).status()).isEqualTo(ReviewStatus.REJECTED);

        // they reply to a published review
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Review status"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Published"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Published reviews")))
                .isVisible();
        Locator published = row(page, lovely);
        published
                .getByText("Reply", new Locator.GetByTextOptions().setExact(true))
                .click();
        published.getByLabel("Public reply").fill("Thank you, Ottilie!");
        published
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save reply"))
                .click();
        assertThat(row(page, lovely)).containsText("Your reply: Thank you, Ottilie!");
        assertThat(reviews.getReview(shop.id(), lovely.reviewId()).merchantReply())
                .isEqualTo("Thank you, Ottilie!");
        assertThat(PageChecks.fieldsWithoutLabel(page)).isEmpty();
        Screenshots.save(page, "admin-reviews");

        // and the screen works on a phone
        page.setViewportSize(PageChecks.PHONE_WIDTH, PageChecks.PHONE_HEIGHT);
        page.navigate("/admin/reviews?status=all");
        assertThat(page.locator(".review")).hasCount(4);
        assertThat(PageChecks.sidewaysOverflow(page)).isEmpty();
        Screenshots.save(page, "admin-reviews-375");
    }

    private Locator row(Page page, Review review) {
        return page.locator("#review-" + review.reviewId());
    }

    private Review review(String customer, String product, int rating, String title, String body) {
        return ReviewFixtures.reviewed(dsl, loyalty, reviews, shop.id(), customer, product, rating, title, body);
    }
}
