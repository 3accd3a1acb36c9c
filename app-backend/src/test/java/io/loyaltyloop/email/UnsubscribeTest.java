package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.EMAIL_UNSUBSCRIBE;
import static io.loyaltyloop.email.EmailFixtures.address;
import static io.loyaltyloop.email.EmailFixtures.customer;
import static io.loyaltyloop.email.EmailFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.LinkSigner;
import io.loyaltyloop.testing.Shops;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** {@code /u/{token}}: RFC 8058 one-click unsubscribe, the confirmation page, and every bad token. */
@RecordApplicationEvents
class UnsubscribeTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    EmailSender sender;

    @Autowired
    UnsubscribeLinks links;

    @Autowired
    LinkSigner signer;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @Autowired
    WebApplicationContext context;

    MockMvc mvc;
    Shop shop;
    String to;
    long customer;

    @BeforeEach
    void customerOfANewShop() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
        shop = Shops.newShop(dsl);
        to = address();
        customer = customer(dsl, shop, to);
    }

    @Test
    void oneClickRoundTripFromTheEmailsHeader() throws Exception {
        outbox.enqueue(shipped(shop.id(), customer, to, "first"));
        sender.sendDue(100);
        MimeMessage email = receivedEmailsTo(to).getFirst();
        String header = email.getHeader("List-Unsubscribe", null);
        String path = URI.create(header.substring(1, header.length() - 1)).getPath();

        // What a mail provider posts (RFC 8058 §3.2): no cookies, no CSRF token.
        mvc.perform(post(path)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("You are unsubscribed")));

        assertThat(unsubscribed()).isTrue();
        assertThat(events.stream(CustomerUnsubscribed.class)).singleElement().satisfies(e -> {
            assertThat(e.shop()).isEqualTo(shop.id());
            assertThat(e.customerId()).isEqualTo(customer);
        });
        assertThat(outbox.enqueue(shipped(shop.id(), customer, to, "second"))).isFalse();
    }

    @Test
    void unsubscribingTwiceIsFineAndPublishesOnce() throws Exception {
        String path = path(links.url(shop.id(), customer, clock.instant()));

        for (int i = 0; i < 2; i++) {
            mvc.perform(post(path).param("List-Unsubscribe", "One-Click")).andExpect(status().isOk());
        }

        assertThat(events.stream(CustomerUnsubscribed.class)).hasSize(1);
    }

    @Test
    void getShowsAConfirmationPageAndChangesNothing() throws Exception {
        String path = path(links.url(shop.id(), customer, clock.instant()));

        mvc.perform(get(path))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("action=\"" + path + "\"")));

        assertThat(unsubscribed()).isFalse();
        assertThat(events.stream(CustomerUnsubscribed.class)).isEmpty();
    }

    @Test
    void aPostWithoutTheOneClickBodyIsRefused() throws Exception {
        String path = path(links.url(shop.id(), customer, clock.instant()));

        mvc.perform(post(path)).andExpect(status().isBadRequest());
        mvc.perform(post(path).param("List-Unsubscribe", "yes")).andExpect(status().isBadRequest());

        assertThat(unsubscribed()).isFalse();
    }

    @Test
    void aForgedTokenIsNotFound() throws Exception {
        String token = token(links.url(shop.id(), customer, clock.instant()));
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        expectNotFound(forged);
    }

    @Test
    void aTokenForAnotherCustomerCannotBeMadeWithoutTheKey() throws Exception {
        String token = token(links.url(shop.id(), customer, clock.instant()));
        String body = new String(java.util.Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        String other = java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(body.replace(":" + customer + "|", ":" + (customer + 1) + "|")
                                .getBytes())
                + token.substring(token.indexOf('.'));

        expectNotFound(other);
    }

    @Test
    void anExpiredTokenIsNotFound() throws Exception {
        String expired = token(links.url(shop.id(), customer, clock.instant().minus(Duration.ofDays(366))));

        expectNotFound(expired);
    }

    @Test
    void aTokenMadeForAnotherPurposeIsNotFound() throws Exception {
        String review = signer.sign(
                "review", shop.id().value() + ":" + customer, clock.instant().plus(Duration.ofDays(1)));

        expectNotFound(review);
    }

    @Test
    void aMalformedTokenIsNotFound() throws Exception {
        expectNotFound("not-a-token");
    }

    @Test
    void aValidTokenForACustomerThatDoesNotExistIsNotFound() throws Exception {
        expectNotFound(token(links.url(shop.id(), Long.MAX_VALUE, clock.instant())));
    }

    private void expectNotFound(String token) throws Exception {
        mvc.perform(get("/u/" + token)).andExpect(status().isNotFound());
        mvc.perform(post("/u/" + token).param("List-Unsubscribe", "One-Click")).andExpect(status().isNotFound());
        assertThat(unsubscribed()).isFalse();
        assertThat(dsl.fetchCount(
                        EMAIL_UNSUBSCRIBE,
                        EMAIL_UNSUBSCRIBE.SHOP_ID.eq(shop.id().value())))
                .isZero();
        assertThat(events.stream(CustomerUnsubscribed.class)).isEmpty();
    }

    private boolean unsubscribed() {
        return dsl.fetchExists(
                EMAIL_UNSUBSCRIBE,
                EMAIL_UNSUBSCRIBE.SHOP_ID.eq(shop.id().value()).and(EMAIL_UNSUBSCRIBE.CUSTOMER_ID.eq(customer)));
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static String token(String url) {
        return path(url).substring("/u/".length());
    }
}
