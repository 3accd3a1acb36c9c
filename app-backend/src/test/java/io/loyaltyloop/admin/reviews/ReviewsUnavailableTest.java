package io.loyaltyloop.admin.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminRole;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.shop.ShopService;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;

/** Without a {@link ReviewModeration} bean the screen says reviews are unavailable and refuses writes (503). */
class ReviewsUnavailableTest {

    private final ReviewScreen screen = new ReviewScreen(Optional.empty(), new ShopService(null));
    private final AdminUser owner = new AdminUser(1, "Shop", "admin:owner@shop.test", AdminRole.OWNER, null);

    @Test
    void theQueueSaysReviewsAreUnavailable() {
        ExtendedModelMap model = new ExtendedModelMap();

        String view = new ReviewQueueController(screen)
                .queue(
                        owner,
                        new QueueQuery.Params(null, null, null, null, null, null, null),
                        null,
                        null,
                        HtmxRequest.empty(),
                        model);

        assertThat(view).isEqualTo("admin/review-error");
        assertThat(model.getAttribute("message")).asString().contains("Reviews are unavailable");
    }

    @Test
    void aWriteIsRefusedAsUnavailable() {
        assertThatThrownBy(() -> new ReviewRowController(screen)
                        .approve(owner, "1", HtmxRequest.empty(), new ExtendedModelMap()))
                .isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("503");
        assertThatThrownBy(() -> new ReviewQueueController(screen)
                        .approveAll(
                                owner,
                                List.of("1"),
                                new QueueQuery.Params(null, null, null, null, null, null, null),
                                HtmxRequest.empty(),
                                null,
                                new ExtendedModelMap()))
                .isInstanceOf(ResponseStatusException.class);
    }
}
