package io.loyaltyloop.survey;

import static io.loyaltyloop.db.Tables.SURVEY_RESPONSE;
import static io.loyaltyloop.system.PageClient.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.lifecycle.CustomerRedacted;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.LinkSigner;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.SortedMap;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One-click NPS and CSAT links on the running backend. */
class SurveyPagesTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    SurveyLinks links;

    @Autowired
    SurveyService surveys;

    @Autowired
    LinkSigner signer;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    PageClient browser;
    Shop shop;
    Orders order;
    long orderId;

    @BeforeEach
    void paidOrder() {
        browser = new PageClient(port);
        shop = Shops.newShop(dsl);
        order = Orders.order(shop.id()).line("a", "20.00");
        loyalty.apply(order.paid());
        orderId = ReviewFixtures.orderId(dsl, shop.id(), order.id());
    }

    @Test
    void offersOneLinkPerScoreOfEachSurvey() {
        SortedMap<Integer, String> nps = links.scoreLinks(shop.id(), orderId, SurveyType.NPS);
        SortedMap<Integer, String> csat = links.scoreLinks(shop.id(), orderId, SurveyType.CSAT);

        assertThat(nps.keySet()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(csat.keySet()).containsExactly(1, 2, 3, 4, 5);
        assertThat(nps.get(9)).contains("/s/").endsWith("?score=9");
    }

    @Test
    void openingTheLinkRecordsNothingSoMailScannersCannotAnswer() {
        HttpResponse<String> page =
                browser.get(links.scoreLinks(shop.id(), orderId, SurveyType.NPS).get(9));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("How likely are you to recommend us")
                .containsPattern("id=\"score-9\" value=\"9\" checked")
                .contains("<label for=\"comment\">", "Send my answer");
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(answers()).isZero();
    }

    @Test
    void recordsTheAnswerWithItsCommentAsAPageOrAFragment() {
        String link = links.scoreLinks(shop.id(), orderId, SurveyType.NPS).get(9);
        String csatLink = links.scoreLinks(shop.id(), orderId, SurveyType.CSAT).get(4);

        HttpResponse<String> page = browser.post(link, form("score", "9", "comment", "Fast <b>delivery</b>"), false);
        HttpResponse<String> fragment = browser.post(csatLink, form("score", "4"), true);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "Thank you");
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"survey-thanks\"").doesNotContain("<html");
        assertThat(surveys.response(shop.id(), orderId, SurveyType.NPS)).hasValueSatisfying(answer -> {
            assertThat(answer.score()).isEqualTo(9);
            assertThat(answer.comment()).isEqualTo("Fast <b>delivery</b>");
        });
        assertThat(surveys.response(shop.id(), orderId, SurveyType.CSAT)
                        .orElseThrow()
                        .comment())
                .isNull();
    }

    @Test
    void theFirstAnswerStandsASecondPostIsAConflict() {
        String link = links.scoreLinks(shop.id(), orderId, SurveyType.NPS).get(9);
        browser.post(link, form("score", "9", "comment", "great"), false);

        HttpResponse<String> again = browser.post(link, form("score", "0", "comment", "forwarded email"), false);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("You already answered");
        assertThat(browser.get(link).statusCode()).isEqualTo(409);
        assertThat(surveys.response(shop.id(), orderId, SurveyType.NPS)
                        .orElseThrow()
                        .score())
                .isEqualTo(9);
    }

    @Test
    void refusesAScoreOutsideTheSurveysRangeAndStoresNothing() {
        String link = links.scoreLinks(shop.id(), orderId, SurveyType.CSAT).get(5);
        String base = link.substring(0, link.indexOf('?'));

        assertThat(browser.get(base + "?score=0").statusCode()).isEqualTo(400);
        assertThat(browser.get(base + "?score=6").statusCode()).isEqualTo(400);
        assertThat(browser.get(base + "?score=-1").statusCode()).isEqualTo(400);
        assertThat(browser.get(base).statusCode()).isEqualTo(400);
        HttpResponse<String> post = browser.post(base, form("score", "6"), false);
        assertThat(post.statusCode()).isEqualTo(422);
        assertThat(post.body()).contains("Choose a score from 1 to 5", "aria-describedby=\"score-error score-hint\"");
        assertThat(browser.post(base, form("score", "five"), true).statusCode()).isEqualTo(422);
        assertThat(answers()).isZero();
    }

    @Test
    void refusesATooLongCommentOrControlCharacters() {
        String link = links.scoreLinks(shop.id(), orderId, SurveyType.NPS).get(8);

        for (String comment : List.of("x".repeat(1001), "bell\u0007")) {
            assertThat(browser.post(link, form("score", "8", "comment", comment), false)
                            .statusCode())
                    .isEqualTo(422);
        }
        assertThat(answers()).isZero();
    }

    @Test
    void refusesForgedAndExpiredLinksAndStoresNothing() {
        String expired = "/s/" + new SurveyLink(shop.id(), orderId, SurveyType.NPS).sign(signer, clock.instant());
        String reviewToken = "/s/"
                + signer.sign(
                        "review",
                        shop.id().value() + ":" + orderId + ":NPS",
                        clock.instant().plusSeconds(3600));
        String otherShopsOrder = "/s/"
                + new SurveyLink(Shops.newShop(dsl).id(), orderId, SurveyType.NPS)
                        .sign(signer, clock.instant().plusSeconds(3600));

        for (String bad : List.of(expired, reviewToken, otherShopsOrder, "/s/forged.token")) {
            assertThat(browser.get(bad + "?score=9").statusCode()).as(bad).isEqualTo(404);
            assertThat(browser.post(bad, form("score", "9"), false).statusCode())
                    .as(bad)
                    .isEqualTo(404);
        }
        assertThat(answers()).isZero();
    }

    @Test
    void customerRedactionErasesTheCommentButKeepsTheScore() {
        browser.post(
                links.scoreLinks(shop.id(), orderId, SurveyType.NPS).get(3),
                form("score", "3", "comment", "My name is Ada"),
                false);

        loyalty.apply(
                new CustomerRedacted(shop.id(), "redact-" + order.customerId(), clock.instant(), order.customerId()));

        SurveyResponse answer =
                surveys.response(shop.id(), orderId, SurveyType.NPS).orElseThrow();
        assertThat(answer.comment()).isNull();
        assertThat(answer.score()).isEqualTo(3);
    }

    private int answers() {
        return dsl.fetchCount(
                SURVEY_RESPONSE, SURVEY_RESPONSE.SHOP_ID.eq(shop.id().value()));
    }
}
