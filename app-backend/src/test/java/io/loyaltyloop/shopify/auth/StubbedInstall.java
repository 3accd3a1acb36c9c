package io.loyaltyloop.shopify.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.shopify.admin.RecordingSleeper;
import io.loyaltyloop.shopify.admin.ShopifyAdminProperties;
import io.loyaltyloop.shopify.importing.OrderImportRepository;
import io.loyaltyloop.system.AccessTokenCipher;
import io.loyaltyloop.system.AccessTokenCipherTest;
import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.util.unit.DataSize;

/**
 * The install wiring of the backend, on the shared database but with Shopify at a stub and a token
 * key of the test's own: what the install controllers are tested against.
 */
final class StubbedInstall {

    final WireMockServer shopify;
    final String origin;
    final AccessTokenCipher cipher = AccessTokenCipher.fromBase64(AccessTokenCipherTest.randomKey());

    private final String secret;
    private final String previousSecret;

    /** @param secret and previousSecret the app secrets the backend under test runs with */
    StubbedInstall(WireMockServer shopify, String secret, String previousSecret) {
        this.shopify = shopify;
        this.secret = secret;
        this.previousSecret = previousSecret;
        this.origin = "http://localhost:" + shopify.port() + "/{shop}";
    }

    /** The app's settings, with every shop sent to the stub. */
    ShopifyProperties properties(String appUrl, String scopes) {
        return new ShopifyProperties(
                SessionTokens.API_KEY,
                secret,
                previousSecret,
                appUrl,
                scopes,
                "2026-07",
                origin,
                DataSize.ofMegabytes(2));
    }

    ShopInstaller installer(DSLContext dsl, ShopService shops, Clock clock) {
        TokenExchangeClient exchange = new TokenExchangeClient(SessionTokens.API_KEY, secret, origin, clock);
        AccessTokenStore store = new AccessTokenStore(dsl, shops, cipher, exchange, clock);
        ShopDetailsReader details =
                new ShopDetailsReader(ShopifyAdminProperties.defaults().withShopOrigin(origin), new RecordingSleeper());
        return new ShopInstaller(dsl, shops, store, exchange, details, new OrderImportRepository(dsl), clock);
    }

    /** The shop's Admin API answers the details a new shop is registered with. */
    void stubShopDetails(String shop) {
        shopify.stubFor(post(urlPathEqualTo(graphQl(shop))).willReturn(okJson("""
            {"data":{"shop":{"name":"Loop Test","currencyCode":"EUR","ianaTimezone":"Europe/Berlin","email":"owner@loop-test.example"}}}\
            """)));
    }

    static String tokenEndpoint(String shop) {
        return "/" + shop + "/admin/oauth/access_token";
    }

    static String graphQl(String shop) {
        return "/" + shop + "/admin/api/2026-07/graphql.json";
    }
}
