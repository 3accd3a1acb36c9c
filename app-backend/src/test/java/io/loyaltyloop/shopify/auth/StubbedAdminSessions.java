package io.loyaltyloop.shopify.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.loyaltyloop.admin.access.ShopSessions;
import io.loyaltyloop.shop.ShopService;
import java.time.Clock;
import org.jooq.DSLContext;

/**
 * The admin's {@link ShopSessions} port as the backend wires it ({@link AdminShopSessions} on a real
 * {@link ShopInstaller}), but with Shopify at a WireMock stub and a token key of its own: for the
 * admin's install tests, which live in another package. The shared backend has no token key.
 */
public final class StubbedAdminSessions {

    private final StubbedInstall install;

    /** @param secret and previousSecret the app secrets the backend under test runs with */
    public StubbedAdminSessions(WireMockServer shopify, String secret, String previousSecret) {
        this.install = new StubbedInstall(shopify, secret, previousSecret);
    }

    public ShopSessions sessions(DSLContext dsl, ShopService shops, Clock clock, String appUrl) {
        return new AdminShopSessions(install.properties(appUrl, null), clock, install.installer(dsl, shops, clock));
    }

    /** Shopify exchanges any session token of {@code shop} and answers the shop's details. */
    public void stubInstall(String shop) {
        install.shopify.stubFor(
                post(urlPathEqualTo(StubbedInstall.tokenEndpoint(shop))).willReturn(okJson("""
                    {"access_token":"shpat_admin","scope":"read_orders","expires_in":3600,
                     "refresh_token":"shprt_admin","refresh_token_expires_in":2592000}\
                    """)));
        install.stubShopDetails(shop);
    }

    /** Shopify answers the token exchange of {@code shop} with {@code status} (400: refused, 5xx: failing). */
    public void stubExchangeAnswering(String shop, int status) {
        install.shopify.stubFor(post(urlPathEqualTo(StubbedInstall.tokenEndpoint(shop)))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_subject_token\"}")));
    }

    /** How many token exchanges {@code shop} asked Shopify for. */
    public int exchanges(String shop) {
        return install.shopify
                .findAll(postRequestedFor(urlPathEqualTo(StubbedInstall.tokenEndpoint(shop))))
                .size();
    }

    /** Whether the shop's token pair is stored (and decrypts with this stub's key). */
    public boolean hasStoredToken(DSLContext dsl, long shopId) {
        var row = dsl.selectFrom(io.loyaltyloop.db.Tables.SHOP_ACCESS_TOKEN)
                .where(io.loyaltyloop.db.Tables.SHOP_ACCESS_TOKEN.SHOP_ID.eq(shopId))
                .fetchOptional();
        return row.isPresent()
                && install.cipher.decrypt(shopId, row.get().getAccessToken()).equals("shpat_admin");
    }
}
