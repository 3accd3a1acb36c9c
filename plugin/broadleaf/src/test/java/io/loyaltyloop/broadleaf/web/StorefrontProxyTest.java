package io.loyaltyloop.broadleaf.web;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.loyaltyloop.broadleaf.testing.Backend;
import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class StorefrontProxyTest {

    private static final String CUSTOMER_JSON = "{\"customer\":{\"points\":120},\"tiers\":[]}";

    private final LoyaltyLoopWebHandler web = BroadleafSite.bean("loyaltyLoopWeb", LoyaltyLoopWebHandler.class);
    private Backend backend;
    private Customer customer;

    @BeforeEach
    void backendAndCustomer() throws Exception {
        backend = Backend.start();
        backend.server.stubFor(get(urlPathMatching("/broadleaf/v1/storefront/.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CUSTOMER_JSON)));
        backend.server.stubFor(post(urlPathMatching("/broadleaf/v1/storefront/rewards/.*"))
                .willReturn(aResponse()
                        .withStatus(409)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"code\":\"insufficient-points\"}")));
        customer = Checkouts.newCustomer();
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void passesTheWidgetsCallOnSignedWithTheSignedInCustomerAndReturnsTheAnswerUnchanged() throws Exception {
        // when
        MockHttpServletResponse response =
                call(signedIn(new MockHttpServletRequest("GET", "/loyalty-loop/api/customer")));

        // then
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentAsString()).isEqualTo(CUSTOMER_JSON);
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        LoggedRequest sent = onlyBackendRequest();
        assertThat(sent.getUrl()).isEqualTo("/broadleaf/v1/storefront/customer?customer=" + customer.getId());
        assertThat(Backend.signedBySite(sent)).isTrue();
    }

    @Test
    void aCustomerParameterFromTheBrowserIsNeverPassedOn() throws Exception {
        // given a guest claiming to be someone
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/loyalty-loop/api/customer");
        request.setQueryString("customer=1&Customer=2&lang=de");

        // when
        call(request);

        // then
        assertThat(onlyBackendRequest().getUrl()).isEqualTo("/broadleaf/v1/storefront/customer?lang=de");
    }

    @Test
    void aRedeemIsSignedOverItsBodyAndTheBackendsRefusalComesBackAsIs() throws Exception {
        // given
        MockHttpServletRequest request =
                signedIn(new MockHttpServletRequest("POST", "/loyalty-loop/api/rewards/r-12/redeem"));
        request.setQueryString("request_key=k-123");
        request.addHeader("X-Requested-With", "loyalty-loop");
        request.setContentType("application/json");
        request.setContent("{}".getBytes(StandardCharsets.UTF_8));

        // when
        MockHttpServletResponse response = call(request);

        // then
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).isEqualTo("{\"code\":\"insufficient-points\"}");
        LoggedRequest sent = onlyBackendRequest();
        assertThat(sent.getUrl())
                .isEqualTo("/broadleaf/v1/storefront/rewards/r-12/redeem?customer=" + customer.getId()
                        + "&request_key=k-123");
        assertThat(sent.getBodyAsString()).isEqualTo("{}");
        assertThat(Backend.signedBySite(sent)).isTrue();
    }

    @Test
    void aPostWithoutTheWidgetsHeaderIsRefusedWith403AndNotPassedOn() throws Exception {
        MockHttpServletRequest request =
                signedIn(new MockHttpServletRequest("POST", "/loyalty-loop/api/rewards/r-12/redeem"));

        MockHttpServletResponse response = call(request);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(backend.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aRouteOutsideTheContractIsRefusedWith404AndNotPassedOn() throws Exception {
        for (String path : List.of("/loyalty-loop/api/../admin", "/loyalty-loop/api/customers", "/loyalty-loop/api/")) {
            MockHttpServletResponse response = call(signedIn(new MockHttpServletRequest("GET", path)));
            assertThat(response.getStatus()).as(path).isEqualTo(404);
        }
        assertThat(backend.server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void anUnreachableBackendAnswers502() throws Exception {
        backend.close();

        MockHttpServletResponse response =
                call(signedIn(new MockHttpServletRequest("GET", "/loyalty-loop/api/customer")));

        assertThat(response.getStatus()).isEqualTo(502);
        assertThat(response.getContentAsString()).contains("backend-unavailable");
    }

    @Test
    void servesTheShopifyWidgetsOwnScriptAndStyleSheet() throws Exception {
        for (String asset : List.of("loyalty-widget.js", "loyalty-widget.css")) {
            MockHttpServletResponse response = call(new MockHttpServletRequest("GET", "/loyalty-loop/assets/" + asset));

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getContentAsByteArray())
                    .isEqualTo(Files.readAllBytes(Path.of("../shopify/extensions/loyalty-loop/assets", asset)));
        }
        assertThat(call(new MockHttpServletRequest("GET", "/loyalty-loop/assets/loyalty-blocks.js"))
                        .getStatus())
                .isEqualTo(404);
    }

    private MockHttpServletRequest signedIn(MockHttpServletRequest request) {
        request.setAttribute("customer", customer);
        return request;
    }

    private LoggedRequest onlyBackendRequest() {
        List<LoggedRequest> requests = backend.server.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private MockHttpServletResponse call(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        web.handleRequest(request, response);
        return response;
    }
}
