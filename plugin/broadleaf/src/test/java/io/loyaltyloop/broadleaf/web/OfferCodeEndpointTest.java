package io.loyaltyloop.broadleaf.web;

import static io.loyaltyloop.broadleaf.testing.SignedRequests.nonce;
import static io.loyaltyloop.broadleaf.testing.SignedRequests.now;
import static io.loyaltyloop.broadleaf.testing.SignedRequests.signedPost;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.broadleaf.outbox.LoyaltyOutbox;
import io.loyaltyloop.broadleaf.outbox.OutboxRow;
import io.loyaltyloop.broadleaf.testing.Backend;
import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import io.loyaltyloop.broadleaf.testing.Checkouts.Line;
import io.loyaltyloop.broadleaf.testing.SignedRequests;
import java.util.List;
import java.util.UUID;
import org.broadleafcommerce.core.offer.domain.OfferCode;
import org.broadleafcommerce.core.offer.service.OfferService;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.codehaus.jackson.JsonNode;
import org.codehaus.jackson.map.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class OfferCodeEndpointTest {

    private static final String PATH = "/loyalty-loop/offer-codes";

    private final LoyaltyLoopWebHandler web = BroadleafSite.bean("loyaltyLoopWeb", LoyaltyLoopWebHandler.class);
    private final OfferService offers = BroadleafSite.bean("blOfferService", OfferService.class);

    @Test
    void issuesASingleUseCodeTheCustomerCanUseAtCheckout() throws Exception {
        // given
        Customer customer = Checkouts.newCustomer();
        String code = newCode();

        // when
        MockHttpServletResponse response =
                post(signedPost(PATH, body("r-" + code, customer.getId(), code, "AMOUNT_OFF", "5.00")));

        // then
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).get("code").getTextValue()).isEqualTo(code);
        assertThat(json(response).get("created").getBooleanValue()).isTrue();
        OfferCode issued = offers.lookupOfferCodeByCode(code);
        assertThat(issued.getMaxUses()).isEqualTo(1);

        // and when the customer checks out with it, the order discount is spread over the lines
        Order order = Checkouts.checkout(
                customer, List.of(new Line("Hot Sauce A", "9.99", 2), new Line("Hot Sauce B", "14.50", 1)), code);
        assertThat(order.getOrderAdjustmentsValue().getAmount()).isEqualByComparingTo("5.00");
        JsonNode lines = orderSubmitted(order).get("order").get("lines");
        assertThat(lines.get(0).get("amount").getTextValue()).isEqualTo("17.09");
        assertThat(lines.get(1).get("amount").getTextValue()).isEqualTo("12.39");
    }

    @Test
    void aRepeatedRedemptionReturnsTheSameCodeWithoutCreatingAnother() throws Exception {
        // given
        Customer customer = Checkouts.newCustomer();
        String code = newCode();
        post(signedPost(PATH, body("r-" + code, customer.getId(), code, "PERCENT_OFF", "10")));

        // when
        MockHttpServletResponse repeat =
                post(signedPost(PATH, body("r-" + code, customer.getId(), code, "PERCENT_OFF", "10")));

        // then
        assertThat(repeat.getStatus()).isEqualTo(200);
        assertThat(json(repeat).get("code").getTextValue()).isEqualTo(code);
        assertThat(json(repeat).get("created").getBooleanValue()).isFalse();
        assertThat(BroadleafSite.jdbc()
                        .queryForObject(
                                "select count(*) from blc_offer_code where offer_code = ?", Integer.class, code))
                .isEqualTo(1);
    }

    @Test
    void aCodeHeldByAnotherRedemptionIsRefusedWith409() throws Exception {
        // given
        Customer customer = Checkouts.newCustomer();
        String code = newCode();
        post(signedPost(PATH, body("r-first-" + code, customer.getId(), code, "FREE_SHIPPING", null)));

        // when
        MockHttpServletResponse response =
                post(signedPost(PATH, body("r-second-" + code, customer.getId(), code, "FREE_SHIPPING", null)));

        // then
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(json(response).get("code").getTextValue()).isEqualTo("code-taken");
        assertThat(redemptionsOf(code)).containsExactly("r-first-" + code);
    }

    @Test
    void aForgedSignatureIsRefusedWith401AndCreatesNothing() throws Exception {
        Customer customer = Checkouts.newCustomer();
        String code = newCode();
        MockHttpServletRequest request =
                SignedRequests.post(PATH, body("r-" + code, customer.getId(), code, "AMOUNT_OFF", "5.00"));
        SignedRequests.sign(request, "not-the-site-secret", now(), nonce());

        MockHttpServletResponse response = post(request);

        assertUnsignedAndNothingCreated(response, code);
    }

    @Test
    void aReplayedRequestIsRefusedWith401() throws Exception {
        // given a request the site accepted
        Customer customer = Checkouts.newCustomer();
        String code = newCode();
        String timestamp = now();
        String nonce = nonce();
        MockHttpServletRequest original = SignedRequests.sign(
                SignedRequests.post(PATH, body("r-" + code, customer.getId(), code, "AMOUNT_OFF", "5.00")),
                Backend.SECRET,
                timestamp,
                nonce);
        assertThat(post(original).getStatus()).isEqualTo(200);

        // when the same bytes and headers arrive again, for another code
        String other = newCode();
        MockHttpServletRequest replay = SignedRequests.sign(
                SignedRequests.post(PATH, body("r-" + other, customer.getId(), other, "AMOUNT_OFF", "5.00")),
                Backend.SECRET,
                timestamp,
                nonce);

        // then
        assertUnsignedAndNothingCreated(post(replay), other);
    }

    @Test
    void aStaleTimestampIsRefusedWith401() throws Exception {
        Customer customer = Checkouts.newCustomer();
        String code = newCode();
        MockHttpServletRequest request =
                SignedRequests.post(PATH, body("r-" + code, customer.getId(), code, "AMOUNT_OFF", "5.00"));
        SignedRequests.sign(request, Backend.SECRET, String.valueOf(System.currentTimeMillis() / 1000 - 301), nonce());

        assertUnsignedAndNothingCreated(post(request), code);
    }

    @Test
    void aBodyChangedAfterSigningIsRefusedWith401() throws Exception {
        Customer customer = Checkouts.newCustomer();
        String code = newCode();
        MockHttpServletRequest request =
                signedPost(PATH, body("r-" + code, customer.getId(), code, "AMOUNT_OFF", "5.00"));
        request.setContent(body("r-" + code, customer.getId(), code, "AMOUNT_OFF", "500.00")
                .getBytes(UTF_8));

        assertUnsignedAndNothingCreated(post(request), code);
    }

    @Test
    void anotherWireVersionIsRefusedWith400AndCreatesNothing() throws Exception {
        Customer customer = Checkouts.newCustomer();
        String code = newCode();
        MockHttpServletRequest request =
                SignedRequests.post(PATH, body("r-" + code, customer.getId(), code, "AMOUNT_OFF", "5.00"));
        request.addHeader("X-Loyalty-Wire", "2");

        MockHttpServletResponse response = post(request);

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json(response).get("code").getTextValue()).isEqualTo("unsupported-wire-version");
        assertThat(offers.lookupOfferCodeByCode(code)).isNull();
    }

    @Test
    void anUnknownKindIsRefusedWith400AndCreatesNothing() throws Exception {
        Customer customer = Checkouts.newCustomer();
        String code = newCode();

        MockHttpServletResponse response =
                post(signedPost(PATH, body("r-" + code, customer.getId(), code, "FREE_LUNCH", "1")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json(response).get("detail").getTextValue()).contains("kind");
        assertThat(offers.lookupOfferCodeByCode(code)).isNull();
    }

    @Test
    void anUnknownCustomerIsRefusedWith400AndCreatesNothing() throws Exception {
        String code = newCode();

        MockHttpServletResponse response =
                post(signedPost(PATH, body("r-" + code, 987_654_321L, code, "AMOUNT_OFF", "5.00")));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json(response).get("code").getTextValue()).isEqualTo("unknown-customer");
        assertThat(offers.lookupOfferCodeByCode(code)).isNull();
    }

    private void assertUnsignedAndNothingCreated(MockHttpServletResponse response, String code) throws Exception {
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":401,\"code\":\"unsigned\"}");
        assertThat(offers.lookupOfferCodeByCode(code)).isNull();
        assertThat(redemptionsOf(code)).isEmpty();
    }

    private static List<String> redemptionsOf(String code) {
        return BroadleafSite.jdbc()
                .queryForList("select redemption_id from loyalty_offer_code where code = ?", String.class, code);
    }

    private static String body(String redemptionId, long customerId, String code, String kind, String value) {
        String json = "{\"redemptionId\":\"" + redemptionId + "\",\"customerId\":\"" + customerId + "\",\"code\":\""
                + code + "\",\"kind\":\"" + kind + "\"" + (value == null ? "" : ",\"value\":\"" + value + "\"")
                + ",\"currency\":\"USD\",\"rewardName\":\"5 off\"}";
        return json;
    }

    private MockHttpServletResponse post(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        web.handleRequest(request, response);
        return response;
    }

    private static JsonNode orderSubmitted(Order order) throws Exception {
        OutboxRow row = BroadleafSite.bean("loyaltyLoopOutbox", LoyaltyOutbox.class).rows().stream()
                .filter(r -> String.valueOf(order.getId()).equals(r.orderId())
                        && r.type().equals("order.submitted"))
                .findFirst()
                .orElseThrow();
        return new ObjectMapper().readTree(row.data());
    }

    private static JsonNode json(MockHttpServletResponse response) throws Exception {
        return new ObjectMapper().readTree(response.getContentAsString());
    }

    private static String newCode() {
        return "LL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
