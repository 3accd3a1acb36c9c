package io.loyaltyloop.shopify.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.ENDPOINT;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.SHOP;
import static io.loyaltyloop.shopify.admin.ShopifyAdminStub.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shopify.admin.AdminUserErrorsException;
import io.loyaltyloop.shopify.admin.ShopifyAdminStub;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reward codes are created once, even when a retry meets the code an earlier attempt created. */
class AdminDiscountCodesTest {

    static final String CUSTOMER = "gid://shopify/Customer/624407574";
    static final String NODE = "gid://shopify/DiscountCodeNode/1057371212";

    static final String CREATED = """
        {"discountCodeBasicCreate":{"codeDiscountNode":{"id":"%s"},"userErrors":[]}}\
        """.formatted(NODE);

    static final String TAKEN = """
        {"discountCodeBasicCreate":{"codeDiscountNode":null,"userErrors":[{"field":["basicCodeDiscount","code"],\
        "code":"TAKEN","message":"Code must be unique. Please try a different code."}]}}\
        """;

    private final ShopifyAdminStub shopify = new ShopifyAdminStub();
    private final AdminDiscountCodes codes = new AdminDiscountCodes(shopify.client());

    @AfterEach
    void stopStub() {
        shopify.close();
    }

    @Test
    void createsAFixedAmountCodeForTheOneCustomerWithOurCodeAndTag() {
        shopify.always(data(CREATED));

        var issued = codes.issue(SHOP, reward(new AdminRewardCode.FixedAmount(new BigDecimal("5.00"))));

        assertThat(issued).isEqualTo(new AdminDiscountCodes.Issued(NODE, false));
        shopify.server.verify(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.operationName", equalTo("AdminDiscountFixedAmountCreate")))
                .withRequestBody(matchingJsonPath("$.variables.code", equalTo("LOOP-7Q2M-XK4D")))
                .withRequestBody(matchingJsonPath("$.variables.customerId", equalTo(CUSTOMER)))
                .withRequestBody(matchingJsonPath("$.variables.amount", equalTo("5.00")))
                .withRequestBody(matchingJsonPath("$.variables.tags[0]", equalTo("loyalty-loop"))));
    }

    @Test
    void createsAPercentageCodeWithTheFractionShopifyExpects() {
        shopify.always(data(CREATED));

        codes.issue(SHOP, reward(new AdminRewardCode.Percentage(new BigDecimal("0.15"))));

        shopify.server.verify(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.operationName", equalTo("AdminDiscountPercentageCreate")))
                .withRequestBody(matchingJsonPath("$.variables.percentage", equalTo("0.15"))));
    }

    @Test
    void createsAFreeShippingCodeThroughItsOwnMutation() {
        shopify.always(data("""
            {"discountCodeFreeShippingCreate":{"codeDiscountNode":{"id":"%s"},"userErrors":[]}}\
            """.formatted(NODE)));

        var issued = codes.issue(SHOP, reward(new AdminRewardCode.FreeShipping()));

        assertThat(issued.discountId()).isEqualTo(NODE);
        shopify.server.verify(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.operationName", equalTo("AdminDiscountFreeShippingCreate"))));
    }

    @Test
    void treatsATakenCodeAsIssuedWhenTheExistingDiscountIsOurs() {
        shopify.inOrder(data(TAKEN), data(lookup("loyalty-loop", CUSTOMER)));

        var issued = codes.issue(SHOP, reward(new AdminRewardCode.FixedAmount(new BigDecimal("5.00"))));

        assertThat(issued).isEqualTo(new AdminDiscountCodes.Issued(NODE, true));
        shopify.server.verify(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(matchingJsonPath("$.operationName", equalTo("AdminDiscountCodeLookup")))
                .withRequestBody(matchingJsonPath("$.variables.code", equalTo("LOOP-7Q2M-XK4D"))));
    }

    @Test
    void treatsADuplicateCodeAnswerLikeTaken() {
        shopify.inOrder(data(TAKEN.replace("TAKEN", "DUPLICATE")), data(lookup("loyalty-loop", CUSTOMER)));

        var issued = codes.issue(SHOP, reward(new AdminRewardCode.Percentage(new BigDecimal("0.10"))));

        assertThat(issued.alreadyExisted()).isTrue();
    }

    @Test
    void refusesATakenCodeThatBelongsToAnotherCustomer() {
        shopify.inOrder(data(TAKEN), data(lookup("loyalty-loop", "gid://shopify/Customer/1")));

        assertThatThrownBy(() -> codes.issue(SHOP, reward(new AdminRewardCode.FixedAmount(BigDecimal.TEN))))
                .isInstanceOfSatisfying(
                        AdminUserErrorsException.class,
                        e -> assertThat(e.has("TAKEN")).isTrue())
                .hasMessageContaining("Code must be unique");
    }

    @Test
    void refusesATakenCodeTheMerchantCreated() {
        shopify.inOrder(data(TAKEN), data(lookup("summer-sale", CUSTOMER)));

        assertThatThrownBy(() -> codes.issue(SHOP, reward(new AdminRewardCode.FixedAmount(BigDecimal.TEN))))
                .isInstanceOf(AdminUserErrorsException.class);
    }

    @Test
    void surfacesOtherRefusalsUnchanged() {
        shopify.always(data("""
            {"discountCodeBasicCreate":{"codeDiscountNode":null,"userErrors":[{"field":["basicCodeDiscount",\
            "customerGets","value","discountAmount","amount"],"code":"GREATER_THAN",\
            "message":"Value must be greater than 0"}]}}\
            """));

        assertThatThrownBy(() -> codes.issue(SHOP, reward(new AdminRewardCode.FixedAmount(BigDecimal.ONE))))
                .isInstanceOfSatisfying(
                        AdminUserErrorsException.class,
                        e -> assertThat(e.has("GREATER_THAN")).isTrue());
        assertThat(shopify.server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void rejectsACustomerIdThatIsNotACustomerGid() {
        assertThatThrownBy(() -> new AdminRewardCode(
                        "LOOP-1", "5 off", "624407574", Instant.EPOCH, new AdminRewardCode.FreeShipping()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Customer GID");
    }

    private static AdminRewardCode reward(AdminRewardCode.Value value) {
        return new AdminRewardCode(
                "LOOP-7Q2M-XK4D", "Loyalty reward", CUSTOMER, Instant.parse("2026-11-23T00:00:00Z"), value);
    }

    static String lookup(String tag, String customer) {
        return """
            {"codeDiscountNodeByCode":{"id":"%s","codeDiscount":{"__typename":"DiscountCodeBasic",\
            "tags":["%s"],"context":{"__typename":"DiscountCustomers","customers":[{"id":"%s"}]}}}}\
            """.formatted(NODE, tag, customer);
    }
}
