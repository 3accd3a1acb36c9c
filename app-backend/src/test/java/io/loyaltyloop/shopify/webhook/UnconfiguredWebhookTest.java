package io.loyaltyloop.shopify.webhook;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.loyaltyloop.shopify.ShopifyProperties;
import io.loyaltyloop.shopify.WebhookSignature;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import tools.jackson.databind.json.JsonMapper;

/**
 * The edge in a backend started without Shopify credentials (local runs, {@code ledger verify}).
 * That the application starts so is shown by {@code LedgerVerifyCommandTest} and
 * {@code EmbeddedDatabaseRestartTest}, which boot it without them; a second full web context here
 * would cost a second embedded PostgreSQL for one assertion.
 */
class UnconfiguredWebhookTest {

    private final InboxRepository inbox = mock(InboxRepository.class);

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new WebhookController(
                    new Binder(new MapConfigurationPropertySource(Map.of()))
                            .bindOrCreate("loyalty.shopify", ShopifyProperties.class),
                    inbox,
                    JsonMapper.builder().build()))
            .build();

    @Test
    void answers503SayingShopifyIsNotConfiguredAndStoresNothing() throws Exception {
        byte[] body = "{\"foo\": \"bar\"}".getBytes(StandardCharsets.UTF_8);
        for (String path : new String[] {"/webhooks", "/webhooks/compliance"}) {
            mvc.perform(post(path)
                            .contentType(MediaType.APPLICATION_JSON)
                            .header(WebhookController.TOPIC, "shop/redact")
                            .header(WebhookController.SHOP_DOMAIN, "some-shop.myshopify.com")
                            .header(WebhookController.EVENT_ID, "1")
                            .header(WebhookController.HMAC, WebhookSignature.sign("test_secret_key", body))
                            .content(body))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(
                            jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Shopify is not configured")));
        }

        verifyNoInteractions(inbox);
    }
}
