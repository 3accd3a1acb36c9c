package io.loyaltyloop.broadleaf.web;

import static io.loyaltyloop.broadleaf.testing.SignedRequests.signedPost;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.broadleaf.LoyaltyLoopSettings;
import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import io.loyaltyloop.broadleaf.testing.SignedRequests;
import java.util.List;
import java.util.UUID;
import org.broadleafcommerce.core.rating.domain.ReviewDetail;
import org.broadleafcommerce.core.rating.service.RatingService;
import org.broadleafcommerce.core.rating.service.type.RatingSortType;
import org.broadleafcommerce.core.rating.service.type.RatingType;
import org.broadleafcommerce.core.rating.service.type.ReviewStatusType;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ReviewEndpointTest {

    private static final String PATH = "/loyalty-loop/reviews";

    private final LoyaltyLoopWebHandler web = BroadleafSite.bean("loyaltyLoopWeb", LoyaltyLoopWebHandler.class);
    private final LoyaltyLoopSettings settings = BroadleafSite.bean("loyaltyLoopSettings", LoyaltyLoopSettings.class);
    private Customer customer;
    private long productId;

    @BeforeEach
    void aCustomerAndAProduct() throws Exception {
        settings.setReviewsWriteToBroadleaf(true);
        customer = Checkouts.newCustomer();
        productId = Checkouts.newProduct("Chipotle Sauce");
    }

    @AfterEach
    void settingBackOff() {
        settings.setReviewsWriteToBroadleaf(false);
    }

    @Test
    void anApprovedReviewLandsInBroadleafsRatingsOnceEvenWhenSentTwice() throws Exception {
        // given
        String body = review(UUID.randomUUID().toString(), productId, customer.getId(), 4);

        // when
        MockHttpServletResponse first = post(signedPost(PATH, body));
        MockHttpServletResponse repeat = post(signedPost(PATH, body));

        // then
        assertThat(first.getContentAsString()).isEqualTo("{\"stored\":true}");
        assertThat(repeat.getContentAsString()).isEqualTo("{\"stored\":true}");
        List<ReviewDetail> reviews = reviews();
        assertThat(reviews).hasSize(1);
        assertThat(reviews.get(0).getReviewText()).isEqualTo("Smoky\n\nJust right on tacos.");
        assertThat(reviews.get(0).getRatingDetail().getRating()).isEqualTo(4.0);
        assertThat(reviews.get(0).getStatus().getType()).isEqualTo(ReviewStatusType.APPROVED.getType());
    }

    @Test
    void withTheSettingOffNothingIsStored() throws Exception {
        settings.setReviewsWriteToBroadleaf(false);

        MockHttpServletResponse response =
                post(signedPost(PATH, review(UUID.randomUUID().toString(), productId, customer.getId(), 5)));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"stored\":false}");
        assertThat(reviews()).isEmpty();
    }

    @Test
    void anUnsignedReviewIsRefusedWith401AndNothingStored() throws Exception {
        MockHttpServletResponse response =
                post(SignedRequests.post(PATH, review(UUID.randomUUID().toString(), productId, customer.getId(), 5)));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(reviews()).isEmpty();
    }

    @Test
    void aRatingOutsideOneToFiveIsRefusedWith400AndNothingStored() throws Exception {
        MockHttpServletResponse response =
                post(signedPost(PATH, review(UUID.randomUUID().toString(), productId, customer.getId(), 6)));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("rating");
        assertThat(reviews()).isEmpty();
    }

    @Test
    void anUnknownProductIsRefusedWith400() throws Exception {
        MockHttpServletResponse response =
                post(signedPost(PATH, review(UUID.randomUUID().toString(), 987_654_321L, customer.getId(), 5)));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("unknown-product");
    }

    private List<ReviewDetail> reviews() throws Exception {
        return BroadleafSite.inRequest(() -> BroadleafSite.bean("blRatingService", RatingService.class)
                .readReviews(String.valueOf(productId), RatingType.PRODUCT, 0, 10, RatingSortType.MOST_RECENT));
    }

    private static String review(String reviewId, long productId, long customerId, int rating) {
        return "{\"reviewId\":\"" + reviewId + "\",\"productId\":\"" + productId + "\",\"customerId\":\"" + customerId
                + "\",\"rating\":" + rating + ",\"title\":\"Smoky\",\"body\":\"Just right on tacos.\","
                + "\"approvedAt\":\"2026-11-02T10:15:30Z\"}";
    }

    private MockHttpServletResponse post(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        web.handleRequest(request, response);
        return response;
    }
}
