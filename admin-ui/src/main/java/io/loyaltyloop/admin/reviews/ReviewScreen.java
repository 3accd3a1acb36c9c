package io.loyaltyloop.admin.reviews;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.reviews.ReviewModeration.Counts;
import io.loyaltyloop.admin.reviews.ReviewModeration.Row;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the Reviews screen's controllers share: the port (if any), the queue's model, the shop's times. */
@Component
class ReviewScreen {

    static final int MAX_PRODUCTS = 500;

    private final Optional<ReviewModeration> moderation;
    private final ShopService shops;

    ReviewScreen(Optional<ReviewModeration> moderation, ShopService shops) {
        this.moderation = moderation;
        this.shops = shops;
    }

    boolean available() {
        return moderation.isPresent();
    }

    /** The port; writes without one are refused (503), there is nothing to change. */
    ReviewModeration moderation() {
        return moderation.orElseThrow(
                () -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "reviews are unavailable"));
    }

    ReviewTimes times(ShopId shop) {
        return new ReviewTimes(shops.getShop(shop).timezone());
    }

    /** Fills the model of the queue for the query: tabs with counts, a page of rows, the pager; answers the rows. */
    List<Row> queue(AdminUser user, QueueQuery query, Model model) {
        ReviewModeration port = moderation();
        ShopId shop = user.shop();
        ZoneId zone = shops.getShop(shop).timezone();
        ReviewTimes times = new ReviewTimes(zone);
        ReviewModeration.Filter filter = query.filter(zone);
        List<Row> found = port.queue(shop, filter);
        Counts counts = port.counts(shop, filter);
        model.addAttribute("page", "reviews");
        model.addAttribute("query", query);
        model.addAttribute("times", times);
        List<Row> shown = found.subList(0, Math.min(QueueQuery.PAGE_SIZE, found.size()));
        model.addAttribute("rows", shown);
        model.addAttribute("hasNext", found.size() > QueueQuery.PAGE_SIZE && query.page() < QueueQuery.MAX_PAGE);
        model.addAttribute("products", port.products(shop, MAX_PRODUCTS));
        model.addAttribute(
                "tabs",
                List.of(
                        new Tab("pending", "Pending", counts.pending()),
                        new Tab("published", "Published", counts.published()),
                        new Tab("rejected", "Rejected", counts.rejected()),
                        new Tab("all", "All", counts.all())));
        model.addAttribute(
                "heading",
                switch (query.status()) {
                    case "pending" -> "Waiting for moderation";
                    case "published" -> "Published reviews";
                    case "rejected" -> "Rejected reviews";
                    default -> "All reviews";
                });
        return shown;
    }

    /** A status tab: its query value, its label, how many reviews it holds under the other filters. */
    public record Tab(String key, String label, long count) {}
}
