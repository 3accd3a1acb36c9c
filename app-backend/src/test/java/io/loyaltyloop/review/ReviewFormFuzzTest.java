package io.loyaltyloop.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendFuzzTest;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.storefront.ProxyQueries;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Orders;
import io.loyaltyloop.testing.Shops;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review form behind the emailed link under hostile input (docs/fuzzing.md): a link that is not
 * exactly a signed one shows a 4xx page and writes nothing; review text with markup, control,
 * direction and zero-width characters, NUL, broken UTF-8 or far too much of it is refused with a
 * clear 4xx, or stored and shown escaped on every page and feed that shows it, and only once.
 */
class ReviewFormFuzzTest extends BackendFuzzTest {

    private static final AtomicInteger PRODUCTS = new AtomicInteger();

    /** The page's own script elements (htmx from this origin); anything else that opens one was injected. */
    private static final Pattern OWN_SCRIPTS =
            Pattern.compile("<script src=\"/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js\" defer></script>");

    private static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>",
            "</textarea><script>alert(2)</script>",
            "\"><img src=x onerror=alert(3)>",
            "'><svg/onload=alert(4)>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<!--",
            "]]>",
            "&lt;script&gt;",
            "&#60;script&#62;",
            "[[${7*7}]]",
            "[(${T(java.lang.Runtime).getRuntime()})]",
            "{{7*7}}",
            "javascript:alert(5)");

    private static final List<String> ODD_CHARACTERS = List.of(
            "\u0000",
            "\u0001",
            "\u0007",
            "\u001b",
            "\u007f",
            "\u0085",
            "\n",
            "\r\n",
            "\t",
            "\u202E",
            "\u202D",
            "\u200B",
            "\u200D",
            "\u2028",
            "\uFEFF",
            "\uD800",
            "\uDC00",
            "\uD83D\uDE00",
            "é",
            "名",
            "ع");

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ReviewInvitations invitations;

    @Autowired
    MutableClock clock;

    private PageClient browser;
    private Shop shop;
    private String genuine;

    @BeforeTry
    void aShopWithAnInvitation() {
        browser = new PageClient(port);
        if (shop == null) {
            shop = Shops.newShop(dsl);
            genuine = newLink().link();
        }
    }

    @Property(seed = "20261129")
    void aLinkThatIsNotExactlyASignedOneShowsA4xxPageAndWritesNothing(
            @ForAll("tamperedTokens") TokenTampering tampering, @ForAll boolean post) {
        String token = tampering.apply(genuineToken());
        Assume.that(!token.isEmpty() && !token.equals(genuineToken()));
        String path = "/r/" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        int before = ReviewFixtures.reviewCount(dsl, shop.id());

        HttpResponse<String> answer =
                post ? browser.post(path, PageClient.form("rating", "5", "body", "Lovely."), false) : browser.get(path);

        assertThat(answer.statusCode()).as(token).isBetween(400, 499);
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isEqualTo(before);
        assertThat(browser.get(genuine).statusCode())
                .as("the genuine link still opens")
                .isEqualTo(200);
    }

    @Property(seed = "20261130")
    void hostileReviewTextIsRefusedWith4xxOrStoredOnceAndShownEscaped(
            @ForAll("hostileForms") String form, @ForAll boolean htmx) {
        Invitation invitation = newLink();
        int before = ReviewFixtures.reviewCount(dsl, shop.id());

        HttpResponse<String> answer = postRaw(invitation.link(), form, htmx);
        Statistics.label("status").collect(answer.statusCode());

        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 400, 413, 422);
        assertShownEscaped(answer.body());
        if (answer.statusCode() != 200) {
            assertThat(answer.body()).as("says why").isNotBlank();
            assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isEqualTo(before);
            return;
        }
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isEqualTo(before + 1);

        HttpResponse<String> again = postRaw(invitation.link(), form, htmx);
        assertThat(again.statusCode()).as("a second submission").isEqualTo(409);
        assertShownEscaped(again.body());
        assertThat(ReviewFixtures.reviewCount(dsl, shop.id())).isEqualTo(before + 1);

        assertFeedsShowItEscaped(invitation.productId());
    }

    /**
     * Tokens near the genuine one: cut, changed, extended, re-encoded; and anything at all. Only how
     * to change it is drawn here: the genuine token exists once the property's shop does.
     */
    @Provide
    Arbitrary<TokenTampering> tamperedTokens() {
        return Combinators.combine(
                        Arbitraries.of(TokenTampering.Kind.values()),
                        Arbitraries.integers().between(0, 10_000),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(5),
                        Arbitraries.strings().ofMinLength(1).ofMaxLength(300))
                .as(TokenTampering::new);
    }

    /** How a genuine token is changed. */
    record TokenTampering(Kind kind, int at, String few, String any) {

        enum Kind {
            CUT,
            CHARACTER_CHANGED,
            CHARACTER_DROPPED,
            CASE_SWAPPED,
            APPENDED,
            PREPENDED,
            PARTS_SWAPPED,
            DOT_DOUBLED,
            DOT_DROPPED,
            FIRST_PART_ONLY,
            STANDARD_BASE64,
            PADDED,
            NUL_APPENDED,
            DOT,
            HUGE,
            RANDOM
        }

        String apply(String token) {
            int i = at % token.length();
            int dot = token.indexOf('.') < 0 ? token.length() / 2 : token.indexOf('.');
            return switch (kind) {
                case CUT -> token.substring(0, i);
                case CHARACTER_CHANGED ->
                    token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
                case CHARACTER_DROPPED -> token.substring(0, i) + token.substring(i + 1);
                case CASE_SWAPPED -> token.substring(0, i) + swapCase(token.charAt(i)) + token.substring(i + 1);
                case APPENDED -> token + few;
                case PREPENDED -> few + token;
                case PARTS_SWAPPED -> token.substring(dot + 1) + "." + token.substring(0, dot);
                case DOT_DOUBLED -> token.replace(".", "..");
                case DOT_DROPPED -> token.replace(".", "");
                case FIRST_PART_ONLY -> token.substring(0, dot + 1);
                case STANDARD_BASE64 -> token.replace('-', '+').replace('_', '/');
                case PADDED -> token + "=";
                case NUL_APPENDED -> token + "\u0000";
                case DOT -> ".";
                case HUGE -> "x".repeat(5_000);
                case RANDOM -> any;
            };
        }
    }

    /** Review forms: a rating in or out of range, hostile text in each field, extra and missing fields. */
    @Provide
    Arbitrary<String> hostileForms() {
        // Mostly valid ratings and markup-only text, so that many forms are accepted and the
        // escaping of stored text is checked too, not only of the re-shown form.
        Arbitrary<String> rating = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("1", "2", "3", "4", "5")),
                Tuple.of(
                        1,
                        Arbitraries.of(
                                "1",
                                "3",
                                "5",
                                "0",
                                "6",
                                "-1",
                                "5.0",
                                "05",
                                " 5",
                                "+5",
                                "five",
                                "",
                                "٥",
                                "1e0",
                                "99999999999999999999",
                                "4%00")),
                Tuple.of(1, Arbitraries.integers().between(-10, 10).map(String::valueOf)));
        Arbitrary<String> extra = Arbitraries.of(
                "",
                "rating=4&",
                "body=second&",
                "status=PUBLISHED&",
                "shop_id=1&",
                "verifiedBuyer=false&",
                "productId=product-x&",
                "x=" + "y".repeat(1000) + "&");
        Arbitrary<Field> text = text().injectNull(0.05).map(Field::new);
        return Combinators.combine(
                        rating.injectNull(0.1),
                        text,
                        text,
                        text,
                        extra,
                        Arbitraries.of(false, false, false, false, true))
                .as((r, title, body, name, more, brokenUtf8) -> {
                    List<String> pairs = new ArrayList<>();
                    if (r != null) {
                        pairs.add("rating="
                                + URLEncoder.encode(r, StandardCharsets.UTF_8).replace("%2500", "%00"));
                    }
                    title.addTo(pairs, "title", false);
                    body.addTo(pairs, "body", brokenUtf8);
                    name.addTo(pairs, "displayName", false);
                    return more + String.join("&", pairs);
                });
    }

    /** Text made of markup, odd characters and words, sometimes far too long. */
    private static Arbitrary<String> text() {
        Arbitrary<String> markup = Arbitraries.oneOf(
                Arbitraries.of(MARKUP),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(MARKUP),
                Arbitraries.of(ODD_CHARACTERS),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(8));
        return Arbitraries.frequencyOf(
                Tuple.of(4, markup.list().ofMinSize(1).ofMaxSize(8).map(pieces -> String.join(" ", pieces))),
                Tuple.of(4, piece.list().ofMinSize(1).ofMaxSize(8).map(pieces -> String.join(" ", pieces))),
                Tuple.of(
                        1,
                        Arbitraries.integers()
                                .between(4_990, 5_010)
                                .map(n -> "<b>x</b>".repeat(n / 8 + 1).substring(0, n))));
    }

    /** One text field, left out when null; broken UTF-8 is appended already encoded. */
    private record Field(String value) {

        void addTo(List<String> pairs, String name, boolean brokenUtf8) {
            if (value != null) {
                pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)
                        + (brokenUtf8 ? "%FF%ED%A0%80%C0%AF" : ""));
            }
        }
    }

    private record Invitation(String link, String productId) {}

    /** A new paid order of a product of its own, and the emailed link to review it. */
    private Invitation newLink() {
        String line = "fuzz" + PRODUCTS.incrementAndGet();
        Orders order = Orders.order(shop.id()).line(line, "20.00");
        loyalty.apply(order.paid());
        long orderId = ReviewFixtures.orderId(dsl, shop.id(), order.id());
        return new Invitation(
                ReviewFixtures.linkFor(invitations, shop.id(), orderId, "product-" + line), "product-" + line);
    }

    private String genuineToken() {
        return genuine.substring(genuine.lastIndexOf("/r/") + 3);
    }

    private HttpResponse<String> postRaw(String link, String form, boolean htmx) {
        if (!htmx) {
            return browser.postRaw(link, form);
        }
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(local(link)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("HX-Request", "true")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                .build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return PageClient.send(http, request);
        }
    }

    private String local(String link) {
        return link.replace(LINKS_BASE_URL, "http://localhost:" + port);
    }

    /** No element or attribute a reviewer typed made it into the page as markup. */
    private static void assertShownEscaped(String page) {
        String withoutOwnScripts = OWN_SCRIPTS.matcher(page).replaceAll("");
        // Raw tags only: escaped text ("&lt;img src=x onerror=alert(3)&gt;") is harmless and expected.
        assertThat(withoutOwnScripts.toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "<svg");
    }

    /** The product's reviews on the storefront (proxy JSON) and in Google's ratings feed. */
    private void assertFeedsShowItEscaped(String productId) {
        HttpResponse<String> feed = browser.get("/feeds/" + shop.platformShopKey() + "/product-reviews.xml");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body().toLowerCase(Locale.ROOT)).doesNotContain("<script", "<img", "<svg");
        try {
            DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("the ratings feed is no longer well-formed XML: " + e, e);
        }
        String query = ProxyQueries.signed(
                SHOPIFY_SECRET, shop.platformShopKey(), "", clock.instant().getEpochSecond(), "");
        HttpResponse<String> proxy = browser.get("/proxy/products/" + productId + "/reviews?" + query);
        // JSON, never HTML: the storefront block puts each text in with textContent.
        assertThat(proxy.statusCode()).as(proxy.body()).isEqualTo(200);
        assertThat(proxy.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode json = JsonMapper.builder().build().readTree(proxy.body());
        json.path("reviews")
                .valueStream()
                .forEach(r -> assertThat(r.get("body").isString()).isTrue());
    }

    private static char swapCase(char c) {
        return Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
    }
}
