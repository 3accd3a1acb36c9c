package io.loyaltyloop.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.loyaltyloop.reliability.Webhooks.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * R6: SMTP down and Shopify throttling (429 with Retry-After, GraphQL THROTTLED), failing (5xx) and
 * timing out while emails, reward codes and balance mirrors are due; once both recover, everything
 * is delivered exactly once.
 */
class OutagesTest {

    private static final int CUSTOMERS = 4;
    private static final String CREATE = "discountCodeFreeShippingCreate";
    private static final String MIRROR = "AdminPointsBalanceSet";
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void afterAnSmtpOutageAndShopifyThrottlingErrorsAndTimeoutsEverythingIsDeliveredOnce() throws Exception {
        Environment env = Environment.shared();
        ScenarioShop shop = ScenarioShop.installed(env, "r6-outage");
        Funding.releaseAtOnce(shop);
        List<Order> orders = shop.orders(CUSTOMERS);

        // given SMTP is down, and Shopify answers this shop's reward codes and mirror with a 429,
        // a GraphQL throttle, a 503 and a timeout before it recovers
        Instant outageStart = Instant.now();
        env.mail.stop();
        failFirst(env, shop, CREATE, FakeShopify.tooManyRequests(), FakeShopify.throttled(), serverError(), timeout());
        failFirst(env, shop, MIRROR, serverError(), FakeShopify.tooManyRequests(), timeout());

        // when orders are paid (confirmation emails due, points released and to be mirrored)
        Funding.paid(shop, orders);
        // and each customer redeems free shipping (a reward code due)
        long reward = Funding.reward(shop, "Free shipping");
        Storefront storefront = new Storefront(env);
        for (Order order : orders) {
            assertThat(storefront.redeem(
                            env.backend.url(), shop.domain, order.customerId(), reward, "r6-" + order.id()))
                    .isEqualTo(200);
        }
        // and the outage lasts until the senders have retried: every email at least twice, every
        // failure answer of Shopify consumed
        await().atMost(ScenarioShop.SETTLE)
                .until(() -> emailsRetriedTwice(shop) >= CUSTOMERS
                        && env.shopify.calls(shop.domain, CREATE) >= 4
                        && env.shopify.calls(shop.domain, MIRROR) >= 3);
        long attemptsWhileDown = attempts(shop);
        env.mail.start();
        Duration outage = Duration.between(outageStart, Instant.now());

        // then every email arrives once, every redemption gets one code, every balance is mirrored
        await().atMost(ScenarioShop.SETTLE)
                .until(() -> shop.settled()
                        && ConcurrentRedemptionsTest.issued(shop) == CUSTOMERS
                        && dirtyMirrors(shop) == 0);
        Map<String, Long> emails = shop.emails(orders);
        // (each customer's order confirmation, and the points earned and reward unlocked news)
        assertThat(emails).hasSizeGreaterThanOrEqualTo(CUSTOMERS);
        assertThat((long) emails.size()).isEqualTo(sent(shop));
        assertThat(emails.values()).allMatch(count -> count == 1);
        Map<String, Integer> created = successfulCreates(env, shop);
        assertThat(created).hasSize(CUSTOMERS);
        assertThat(created.values()).allMatch(count -> count == 1);
        // and the retries went through the failures one by one: each failure answer taken once
        assertThat(env.shopify.calls(shop.domain, CREATE)).isEqualTo(CUSTOMERS + 4);
        assertThat(attemptsWhileDown).isGreaterThanOrEqualTo(2L * CUSTOMERS);
        Report.line(
                "R6",
                "outage %d ms (SMTP down, Shopify failing), emails %d sent once after %d attempts while down;"
                        + " discount-code calls %d (4 failures, %d codes created once each), mirror calls %d",
                outage.toMillis(),
                emails.size(),
                attemptsWhileDown,
                env.shopify.calls(shop.domain, CREATE),
                created.size(),
                env.shopify.calls(shop.domain, MIRROR));

        Books.assertBalanced(env);
    }

    /** This shop's {@code operation} gets {@code failures} in turn, then the normal answers again. */
    private static void failFirst(
            Environment env, ScenarioShop shop, String operation, ResponseDefinitionBuilder... failures) {
        String scenario = shop.domain + "-" + operation;
        for (int i = 0; i < failures.length; i++) {
            env.shopify.server.stubFor(post(urlPathEqualTo("/" + shop.domain + "/admin/api/2026-07/graphql.json"))
                    .atPriority(1)
                    .withRequestBody(containing(operation))
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failure-" + i)
                    .willSetStateTo("failure-" + (i + 1))
                    .willReturn(failures[i]));
        }
    }

    private static ResponseDefinitionBuilder serverError() {
        return aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":\"Service Unavailable\"}");
    }

    /** No answer within the backend's read timeout (2 s here); what comes after it is an error. */
    private static ResponseDefinitionBuilder timeout() {
        return serverError().withFixedDelay(4_000);
    }

    private static long emailsRetriedTwice(ScenarioShop shop) {
        return shop.env.database.number("""
            select count(*) from email_outbox e join shop s on s.shop_id = e.shop_id
             where s.platform_shop_key = ? and e.attempts >= 2 and e.status = 'PENDING'\
            """, shop.domain);
    }

    private static long sent(ScenarioShop shop) {
        return shop.env.database.number("""
            select count(*) from email_outbox e join shop s on s.shop_id = e.shop_id
             where s.platform_shop_key = ? and e.status = 'SENT'\
            """, shop.domain);
    }

    private static long attempts(ScenarioShop shop) {
        return shop.env.database.number("""
            select count(*) from email_attempt a join shop s on s.shop_id = a.shop_id
             where s.platform_shop_key = ?\
            """, shop.domain);
    }

    private static long dirtyMirrors(ScenarioShop shop) {
        return shop.env.database.number("""
            select count(*) from points_mirror m join shop s on s.shop_id = m.shop_id
             where s.platform_shop_key = ? and m.dirty\
            """, shop.domain);
    }

    /** Codes Shopify answered "created" for, and how often. */
    private static Map<String, Integer> successfulCreates(Environment env, ScenarioShop shop) {
        Map<String, Integer> codes = new TreeMap<>();
        for (ServeEvent event : env.shopify.server.getAllServeEvents()) {
            String body = event.getRequest().getBodyAsString();
            if (!event.getRequest().getUrl().startsWith("/" + shop.domain + "/")
                    || !body.contains(CREATE)
                    || event.getResponse().getStatus() != 200
                    || !event.getResponse().getBodyAsString().contains("codeDiscountNode\":{")) {
                continue;
            }
            Matcher code = CODE.matcher(body);
            if (code.find()) {
                codes.merge(code.group(1), 1, Integer::sum);
            }
        }
        return codes;
    }
}
