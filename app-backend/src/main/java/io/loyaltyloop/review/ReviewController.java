package io.loyaltyloop.review;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.system.CustomerLinkRejectedException;
import io.loyaltyloop.system.CustomerPages;
import io.loyaltyloop.system.LinkSigner;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The review form behind the signed link in a review request: {@code GET /r/{token}} shows it,
 * {@code POST /r/{token}} stores the review. A plain HTML form; htmx, when present, swaps the answer
 * in place ({@code HX-Request} gets the fragment, anything else the whole page).
 */
@Controller
class ReviewController {

    private final ReviewService reviews;
    private final ShopService shops;
    private final LinkSigner signer;
    private final Clock clock;

    ReviewController(ReviewService reviews, ShopService shops, LinkSigner signer, Clock clock) {
        this.reviews = reviews;
        this.shops = shops;
        this.signer = signer;
        this.clock = clock;
    }

    @GetMapping("/r/{token}")
    String form(@PathVariable String token, Model model) {
        Opened opened = open(token);
        describe(model, token, opened);
        ReviewForm empty = ReviewForm.empty();
        model.addAttribute("values", empty.values());
        model.addAttribute("errors", empty.errors());
        return "review/form";
    }

    @PostMapping("/r/{token}")
    String submit(
            @PathVariable String token,
            HtmxRequest htmx,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        CustomerPages.requireSmallForm(request);
        Opened opened = open(token);
        ReviewForm form = ReviewForm.validate(
                request.getParameter("rating"),
                request.getParameter("title"),
                request.getParameter("body"),
                request.getParameter("displayName"));
        if (!form.valid()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            describe(model, token, opened);
            model.addAttribute("values", form.values());
            model.addAttribute("errors", form.errors());
            return htmx.isHtmxRequest() ? "review/form :: form" : "review/form";
        }
        Review review = reviews.submit(opened.link(), opened.item(), form).orElseThrow(ReviewController::used);
        model.addAttribute("shopName", shops.getShop(opened.link().shop()).name());
        model.addAttribute("review", review);
        model.addAttribute("published", review.status() == ReviewStatus.PUBLISHED);
        return htmx.isHtmxRequest() ? "review/thanks :: thanks" : "review/thanks";
    }

    /** The link's item, if the link is genuine, unexpired, unused and the item still reviewable. */
    private Opened open(String token) {
        ReviewLink link = ReviewLink.verify(signer, token, clock.instant())
                .orElseThrow(CustomerLinkRejectedException::invalidLink);
        if (!reviews.shopActive(link.shop())) {
            throw CustomerLinkRejectedException.invalidLink();
        }
        ReviewableItem item = reviews.item(link)
                .orElseThrow(() -> new CustomerLinkRejectedException(
                        HttpStatus.GONE,
                        "This item can no longer be reviewed",
                        "The order was cancelled or the item was refunded, so it cannot be reviewed."));
        if (item.reviewed()) {
            throw used();
        }
        return new Opened(link, item);
    }

    private static CustomerLinkRejectedException used() {
        return new CustomerLinkRejectedException(
                HttpStatus.CONFLICT,
                "You already reviewed this item",
                "Thank you: your review of this item has been received. Each item can be reviewed once.");
    }

    private void describe(Model model, String token, Opened opened) {
        model.addAttribute("shopName", shops.getShop(opened.link().shop()).name());
        model.addAttribute(
                "productTitle",
                opened.item().title() == null ? "your item" : opened.item().title());
        model.addAttribute("action", "/r/" + token);
        model.addAttribute(
                "maxLengths",
                Map.of("title", ReviewForm.MAX_TITLE, "body", ReviewForm.MAX_BODY, "displayName", ReviewForm.MAX_NAME));
    }

    private record Opened(ReviewLink link, ReviewableItem item) {}
}
