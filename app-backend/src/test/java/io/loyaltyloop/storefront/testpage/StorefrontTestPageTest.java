package io.loyaltyloop.storefront.testpage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The storefront test page renders the extension's real blocks, and its stand-in proxy signs. */
class StorefrontTestPageTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    ShopService shops;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ShopifyProperties shopify;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    PageClient client;
    Shop shop;

    @BeforeEach
    void aShop() {
        client = new PageClient(port);
        shop = Shops.newShop(dsl);
    }

    @Test
    void rendersEveryBlockOfTheExtensionUnderAStrictPolicy() {
        HttpResponse<String> page = client.get("/storefront-test/" + shop.platformShopKey() + "?customer=42");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';"));
        String html = page.body();
        assertThat(html).contains("data-loyalty-loop", "data-ll-rating", "data-ll-hint");
        JsonNode cart = texts(html, "loyalty-basket-hint-cart");
        assertThat(cart.get("currency").asString()).isEqualTo("USD");
        assertThat(cart.get("basis").asString()).isEqualTo("cart");
        assertThat(cart.get("cartDiscount").asLong()).isEqualTo(500);
        assertThat(cart.get("lines")).hasSize(3);
        assertThat(cart.get("lines").get(2).get("giftCard").asBoolean()).isTrue();
        assertThat(cart.get("lines").get(1).get("sku").asString()).isEqualTo("CASE-TRAVEL");
        JsonNode product = texts(html, "loyalty-basket-hint-product");
        assertThat(product.get("basis").asString()).isEqualTo("cheapest");
        assertThat(product.get("lines")).hasSize(2);
        assertThat(product.get("lines").get(0).get("price").asLong()).isEqualTo(4900);
        assertThat(product.get("lines").get(0).get("giftCard").asBoolean(true)).isFalse();
        assertThat(html).contains("data-points=\"0\"", "data-position=\"right\"", "data-accent=\"#1f6feb\"");
        assertThat(html).doesNotContain("{% schema", "translation missing", "{{");
        assertThat(html).doesNotContainPattern("<script(?![^>]*(type=\"application/json\"|src=))");
        assertThat(texts(html, "loyalty-loop-texts").get("redeem").asString()).isEqualTo("Redeem");
    }

    @Test
    void aGuestPageHasNoBalanceAndTranslatesIntoTheChosenLocale() {
        HttpResponse<String> page = client.get("/storefront-test/" + shop.platformShopKey() + "?locale=de");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("data-points");
        JsonNode texts = texts(page.body(), "loyalty-loop-texts");
        assertThat(texts.get("redeem").asString()).isEqualTo("Einlösen");
        assertThat(texts.get("launcher").asString()).isEqualTo("Prämien");
    }

    @Test
    void theHintIsNotRenderedForAVisitorSeeingPricesInAnotherCurrency() {
        String shown = client.get("/storefront-test/" + shop.platformShopKey() + "?currency=USD")
                .body();
        String converted = client.get("/storefront-test/" + shop.platformShopKey() + "?currency=EUR")
                .body();

        assertThat(shown).contains("data-ll-hint");
        assertThat(converted).contains("data-ll-rating").doesNotContain("data-ll-hint", "loyalty-basket");
    }

    @Test
    void servesTheExtensionsAssetsAndNothingElse() {
        HttpResponse<String> script = client.get("/storefront-test/assets/loyalty-widget.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.body()).contains("data-loyalty-loop");

        assertThat(client.get("/storefront-test/assets/shopify.extension.toml").statusCode())
                .isEqualTo(404);
        assertThat(client.get("/storefront-test/assets/en.default.json").statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesUnknownShopsAndMalformedParameters() {
        assertThat(client.get("/storefront-test/nobody-here.myshopify.com").statusCode())
                .isEqualTo(404);
        assertThat(client.get("/storefront-test/" + shop.platformShopKey() + "?customer=x'y")
                        .statusCode())
                .isEqualTo(400);
        assertThat(client.get("/storefront-test/" + shop.platformShopKey() + "?locale=xx")
                        .statusCode())
                .isEqualTo(400);
        assertThat(client.get("/storefront-test/" + shop.platformShopKey() + "?currency=usd")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theStandInProxySignsSoThatTheRealProxyEndpointsAnswer() throws Exception {
        client.get("/storefront-test/" + shop.platformShopKey());

        HttpResponse<String> reviews = proxied("/apps/loyalty/products/p-1/reviews", "");

        assertThat(reviews.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(reviews.body())
                        .get("reviewCount")
                        .asLong())
                .isZero();
    }

    @Test
    void theStandInProxyNeedsTheTestPagesShopCookie() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/apps/loyalty/customer"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(404);
    }

    @Test
    void withTheFlagOffThePageAndTheProxyAnswer404() {
        StorefrontTestPageProperties off = new StorefrontTestPageProperties(false);
        StorefrontTestPageController page = new StorefrontTestPageController(off, shops, loyalty);
        FakeAppProxy proxy = new FakeAppProxy(off, shopify, clock);

        assertThatThrownBy(() -> page.page(shop.platformShopKey(), null, "en", "p-1", null))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThatThrownBy(() -> page.asset("loyalty-widget.js"))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
        assertThatThrownBy(() -> proxy.forward(
                        new org.springframework.mock.web.MockHttpServletRequest("GET", "/apps/loyalty/customer")))
                .isInstanceOfSatisfying(
                        ResponseStatusException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    }

    private HttpResponse<String> proxied(String path, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path + query))
                .header("Cookie", "ll_test_shop=" + shop.platformShopKey() + "; ll_test_customer=")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode texts(String html, String id) {
        Matcher block = Pattern.compile(
                        "<script type=\"application/json\" id=\"" + id + "\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(block.find()).as(id).isTrue();
        return JsonMapper.builder().build().readTree(block.group(1));
    }
}
