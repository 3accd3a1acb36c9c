package io.loyaltyloop.shopify.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.ENDPOINT;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.SHOP;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.data;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The balance mirror writes the whole balance as an integer metafield the app owns. */
class AdminPointsMirrorTest {

    private final ShopifyAdminStub shopify = new ShopifyAdminStub();
    private final AdminPointsMirror mirror = new AdminPointsMirror(shopify.client());

    @AfterEach
    void stopStub() {
        shopify.close();
    }

    @Test
    void writesTheBalanceAsAStringValueForTheCustomer() {
        shopify.always(data("""
            {"metafieldsSet":{"metafields":[{"id":"gid://shopify/Metafield/1","namespace":"app--1234",\
            "key":"points","value":"1250"}],"userErrors":[]}}\
            """));

        mirror.mirror(SHOP, "gid://shopify/Customer/624407574", 1250);

        shopify.server.verify(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath(
                        "$.variables.metafields[0].ownerId", equalTo("gid://shopify/Customer/624407574")))
                .withRequestBody(matchingJsonPath("$.variables.metafields[0].namespace", equalTo("$app")))
                .withRequestBody(matchingJsonPath("$.variables.metafields[0].key", equalTo("points")))
                .withRequestBody(matchingJsonPath("$.variables.metafields[0].type", equalTo("number_integer")))
                .withRequestBody(matchingJsonPath("$.variables.metafields[0].value", equalTo("1250"))));
    }

    @Test
    void rejectsAnIdThatIsNotACustomerGidBeforeCallingShopify() {
        assertThatThrownBy(() -> mirror.mirror(SHOP, "624407574", 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Customer GID");
    }
}
