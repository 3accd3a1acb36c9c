package io.loyaltyloop.shopify.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.loyaltyloop.shop.NewShop;
import io.loyaltyloop.shopify.admin.RecordingSleeper;
import io.loyaltyloop.shopify.admin.ShopifyAdminProperties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The details a new shop is registered with, from a stubbed Admin API answering in Shopify's format. */
class ShopDetailsReaderTest {

    private static final WireMockServer shopify = started();

    private final String shop = "details-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";
    private final ShopDetailsReader reader = new ShopDetailsReader(
            ShopifyAdminProperties.defaults().withShopOrigin("http://localhost:" + shopify.port() + "/{shop}"),
            new RecordingSleeper());

    @AfterAll
    static void stop() {
        shopify.stop();
    }

    @Test
    void theOwnersEmailBecomesTheShopsContactAddress() {
        answer("\"owner@loop-test.example\"");

        NewShop details = reader.read(shop, "shpat_token");

        assertThat(details.contactEmail()).isEqualTo("owner@loop-test.example");
        assertThat(details.name()).isEqualTo("Loop Test");
        assertThat(details.timezone()).isEqualTo("Europe/Berlin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"not an address\""})
    void anAddressThatIsMissingOrMalformedDoesNotStopTheInstall(String email) {
        answer(email);

        NewShop details = reader.read(shop, "shpat_token");

        assertThat(details.contactEmail()).isNull();
        assertThat(details.name()).isEqualTo("Loop Test");
    }

    private void answer(String emailJson) {
        shopify.stubFor(post(urlPathEqualTo("/" + shop + "/admin/api/2026-07/graphql.json"))
                .willReturn(okJson("{\"data\":{\"shop\":{\"name\":\"Loop Test\",\"currencyCode\":\"EUR\","
                        + "\"ianaTimezone\":\"Europe/Berlin\",\"email\":" + emailJson + "}}}")));
    }

    private static WireMockServer started() {
        WireMockServer server =
                new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }
}
