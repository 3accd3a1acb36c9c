package io.loyaltyloop.storefront;

import static io.loyaltyloop.db.Tables.POINTS_LEDGER;
import static io.loyaltyloop.db.Tables.REDEMPTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendFuzzTest;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.review.ReviewFixtures;
import io.loyaltyloop.review.ReviewService;
import io.loyaltyloop.reward.RewardKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.system.PageClient;
import io.loyaltyloop.testing.MutableClock;
import io.loyaltyloop.testing.Shops;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app proxy calls under hostile input (docs/fuzzing.md): a query not signed as sent is refused
 * with 401 and changes nothing; a correctly signed hostile one gets a 4xx problem or a valid answer,
 * never a 5xx, and never another shop's data — shop B has a customer of the same id, a reward and a
 * review, each carrying a marker that must never appear in an answer to shop A.
 */
class AppProxyFuzzTest extends BackendFuzzTest {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** The signed-in customer of the tries, known to both shops under the same id. */
    private static final String ADA = "9101";

    private static final String B_MARKER = "beemarker";

    /** Both shops, built once for the whole class (the instance may be new for every try). */
    private static World world;

    @LocalServerPort
    int port;

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ReviewService reviews;

    @Autowired
    MutableClock clock;

    @AfterContainer
    static void closeClient() {
        HTTP.close();
    }

    @BeforeTry
    void twoShops() {
        if (world == null) {
            StorefrontFixtures fixtures = new StorefrontFixtures(dsl, loyalty);
            Shop a = Shops.newShop(dsl);
            Shop b = Shops.newShop(dsl);
            fixtures.emptyProgram(a);
            fixtures.emptyProgram(b);
            fixtures.customerWithPoints(a, ADA, 100_000);
            long reward = fixtures.reward(a, "Five off", RewardKind.FIXED_AMOUNT, "5.00", 10);
            fixtures.customerWithPoints(b, ADA, 777);
            fixtures.reward(b, "Reward " + B_MARKER, RewardKind.FIXED_AMOUNT, "5.00", 10);
            ReviewFixtures.reviewed(dsl, loyalty, reviews, a.id(), ADA, "a", 5, "Fine", "<script>alert(1)</script>");
            ReviewFixtures.reviewed(dsl, loyalty, reviews, b.id(), ADA, "a", 5, "Bee", "Review " + B_MARKER);
            world = new World(a, b, reward);
        }
    }

    @Property(seed = "20261127")
    void aQueryNotSignedAsSentIsRefusedWith401AndChangesNothing(
            @ForAll Endpoint endpoint, @ForAll("tamperings") Tampering tampering) {
        String good = signed(endpoint.extra(), ADA);
        String query = tampering.apply(good, this);
        Snapshot before = snapshot();

        HttpResponse<String> answer = send(endpoint, endpoint.path(Long.toString(world.reward)), query, validBasket());

        assertThat(answer.statusCode()).as("%s: %s", tampering, answer.body()).isEqualTo(401);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Property(seed = "20261128")
    void aSignedHostileRequestGetsA4xxOrAValidAnswerAndNeverAnotherShopsData(
            @ForAll Endpoint endpoint,
            @ForAll("customers") String customer,
            @ForAll("hostileParameters") String extra,
            @ForAll("pathIds") String pathId,
            @ForAll("baskets") String basket,
            @ForAll boolean upperCaseSignature) {
        String query = signed(endpoint.extra() + extra, customer);
        if (upperCaseSignature) {
            int at = query.lastIndexOf("&signature=") + "&signature=".length();
            query = query.substring(0, at) + query.substring(at).toUpperCase(Locale.ROOT);
        }
        Snapshot bBefore = snapshotOf(world.b);

        HttpResponse<String> answer = send(endpoint, endpoint.path(pathId), query, basket);
        Statistics.label("status").collect(endpoint, answer.statusCode());

        assertThat(answer.statusCode()).as(answer.body()).isLessThan(500);
        assertThat(answer.body()).doesNotContain(B_MARKER);
        if (answer.statusCode() >= 400) {
            // Ours are problems; Tomcat's own refusals (a request line over its size limit) are HTML,
            // and a path the firewall refuses before any controller ("/proxy/rewards/../redeem")
            // gets Spring Boot's error JSON.
            assertThat(answer.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT))
                    .as(answer.body())
                    .isIn("application/problem+json", "text/html;charset=utf-8", "application/json", "");
        }
        if (endpoint == Endpoint.CUSTOMER
                && answer.statusCode() == 200
                && answer.body().contains("\"customer\"")) {
            String id = StorefrontProxyTest.json(answer).at("/customer/id").asString("");
            assertThat(id).as("the customer answered for").isIn("", customer);
        }
        assertThat(snapshotOf(world.b)).isEqualTo(bBefore);
    }

    /** The four storefront calls, with what each needs besides the proxy's parameters. */
    enum Endpoint {
        CUSTOMER,
        REDEEM,
        ESTIMATE,
        REVIEWS;

        String path(String id) {
            String segment = URLEncoder.encode(id, StandardCharsets.UTF_8);
            return switch (this) {
                case CUSTOMER -> "/proxy/customer";
                case REDEEM -> "/proxy/rewards/" + segment + "/redeem";
                case ESTIMATE -> "/proxy/estimate";
                case REVIEWS -> "/proxy/products/" + segment + "/reviews";
            };
        }

        String extra() {
            return this == REDEEM ? "request_key=fuzz-" + System.nanoTime() + "&" : "";
        }
    }

    /** How a genuine query is changed after it was signed. */
    record Tampering(Kind kind, String value) {

        enum Kind {
            FORGED_CUSTOMER,
            NO_SIGNATURE,
            SIGNATURE_OF_OTHER_LENGTH,
            SIGNATURE_DIGIT_CHANGED,
            SIGNATURE_NOT_HEX,
            SIGNATURE_REPEATED,
            SHOP_REPEATED,
            TIMESTAMP_REPEATED,
            PARAMETER_ADDED,
            PATH_PREFIX_CHANGED,
            STALE,
            FUTURE,
            TIMESTAMP_NOT_A_NUMBER,
            WRONG_SECRET,
            SHOP_NOT_MYSHOPIFY,
            OTHER_SHOPS_QUERY,
            RANDOM
        }

        String apply(String good, AppProxyFuzzTest test) {
            int sig = good.lastIndexOf("&signature=");
            String unsigned = good.substring(0, sig);
            String signature = good.substring(sig + "&signature=".length());
            long now = test.clock.instant().getEpochSecond();
            String shop = world.a.platformShopKey();
            return switch (kind) {
                case FORGED_CUSTOMER -> good.replace("logged_in_customer_id=" + ADA, "logged_in_customer_id=" + value);
                case NO_SIGNATURE -> unsigned;
                case SIGNATURE_OF_OTHER_LENGTH ->
                    unsigned + "&signature=" + (value.length() % 2 == 0 ? signature.substring(1) : signature + "a");
                case SIGNATURE_DIGIT_CHANGED -> unsigned + "&signature=" + changedDigit(signature, value.length());
                case SIGNATURE_NOT_HEX -> unsigned + "&signature=" + "z" + signature.substring(1);
                case SIGNATURE_REPEATED -> good + "&signature=" + signature;
                case SHOP_REPEATED -> good + "&shop=" + shop;
                case TIMESTAMP_REPEATED -> good + "&timestamp=" + now;
                case PARAMETER_ADDED -> good + "&" + value;
                case PATH_PREFIX_CHANGED -> good.replace("path_prefix=", "path_prefix=%2Fapps%2Fother");
                case STALE -> ProxyQueries.signed(SHOPIFY_SECRET, shop, ADA, now - 91 - value.length() * 1000L, "");
                case FUTURE -> ProxyQueries.signed(SHOPIFY_SECRET, shop, ADA, now + 91 + value.length() * 1000L, "");
                case TIMESTAMP_NOT_A_NUMBER ->
                    ProxyQueries.sign(SHOPIFY_SECRET, unsigned.replace("timestamp=" + now, "timestamp=" + value));
                case WRONG_SECRET -> ProxyQueries.sign("not-the-secret-" + value, unsigned);
                case SHOP_NOT_MYSHOPIFY ->
                    ProxyQueries.sign(SHOPIFY_SECRET, unsigned.replace("shop=" + shop, "shop=" + value + ".example"));
                case OTHER_SHOPS_QUERY -> good.replace("shop=" + shop, "shop=" + world.b.platformShopKey());
                case RANDOM -> value;
            };
        }

        private static String changedDigit(String signature, int at) {
            int i = at % signature.length();
            char c = signature.charAt(i);
            return signature.substring(0, i) + (c == '0' ? '1' : '0') + signature.substring(i + 1);
        }
    }

    @Provide
    Arbitrary<Tampering> tamperings() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("9102", "-9101", "09101", "9101.0", "", "9101%00", "0x2391", "1e3"));
        return Combinators.combine(Arbitraries.of(Tampering.Kind.values()), value)
                .as(Tampering::new)
                .filter(t -> !(t.kind == Tampering.Kind.FORGED_CUSTOMER && t.value.equals(ADA)))
                .filter(t -> !(t.kind == Tampering.Kind.TIMESTAMP_NOT_A_NUMBER && t.value.matches("[0-9]+")))
                .filter(t -> !(t.kind == Tampering.Kind.PARAMETER_ADDED && t.value.isEmpty()));
    }

    @Provide
    Arbitrary<String> customers() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        ADA,
                        "",
                        "123",
                        "-1",
                        "0",
                        "9101 ",
                        " 9101",
                        "gid://shopify/Customer/9101",
                        "<script>",
                        "9".repeat(40),
                        "9101\u0000",
                        "\u202E9101"),
                Arbitraries.strings().ofMaxLength(30));
    }

    /** Extra parameters, each ending in {@code &}: duplicates, huge values, encodings that decode oddly. */
    @Provide
    Arbitrary<String> hostileParameters() {
        Arbitrary<String> key = Arbitraries.oneOf(
                Arbitraries.of(
                        "limit",
                        "amount",
                        "request_key",
                        "logged_in_customer_id",
                        "path_prefix",
                        "a",
                        "hmac",
                        "shop",
                        "timestamp",
                        "signature",
                        "k%3Dv",
                        "%26",
                        "%00",
                        "%E2%80%AE"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10));
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        "1",
                        "-1",
                        "0",
                        "51",
                        "99999999999999999999",
                        "1e9",
                        "NaN",
                        "%00",
                        "%252F",
                        "%2B",
                        "+",
                        "%E2%80%AE",
                        "%C3%28",
                        "%F0%9F%98%80",
                        "%3Cscript%3E",
                        "a%26shop%3Devil.example"),
                Arbitraries.strings().alpha().ofMinLength(2000).ofMaxLength(6000),
                Arbitraries.strings().ofMaxLength(40).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)));
        return Combinators.combine(key, value)
                .as((k, v) -> k + "=" + v + "&")
                .list()
                .ofMaxSize(4)
                .map(pairs -> String.join("", pairs));
    }

    @Provide
    Arbitrary<String> pathIds() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        Long.toString(0),
                        "-1",
                        "999999999999",
                        "9".repeat(30),
                        "1.5",
                        "abc",
                        "..",
                        "%",
                        "a/b",
                        "product-a",
                        "\u0000",
                        "\u202E1"),
                Arbitraries.longs().between(-5, 5_000).map(String::valueOf),
                Arbitraries.strings().ofMaxLength(20));
    }

    /** Estimate bodies: the right shape with hostile values, or anything at all. */
    @Provide
    Arbitrary<String> baskets() {
        Arbitrary<String> scalar = Arbitraries.of(
                "null",
                "0",
                "-1",
                "1.5",
                "1e308",
                "99999999999999999999999",
                "\"100\"",
                "true",
                "[]",
                "{}",
                "\"\"",
                "\"USD\"",
                "\"usd\"",
                "\"XXX\"",
                "\"\\u0000\"",
                "\"\\ud800\"",
                "\"<script>\"");
        Arbitrary<String> line = Combinators.combine(scalar, scalar, scalar, scalar)
                .as((price, sku, productId, giftCard) ->
                        "{\"price\": %s, \"sku\": %s, \"productId\": %s, \"giftCard\": %s}"
                                .formatted(price, sku, productId, giftCard));
        Arbitrary<String> shaped = Combinators.combine(
                        Arbitraries.of("\"USD\"", "\"EUR\"", "\"XXX\"", "null", "1", "\"\""),
                        Arbitraries.of("\"cart\"", "\"cheapest\"", "\"dearest\"", "null", "3"),
                        scalar,
                        line.list().ofMaxSize(5))
                .as((currency, basis, discount, lines) ->
                        "{\"currency\": %s, \"basis\": %s, \"cartDiscount\": %s, \"lines\": [%s]}"
                                .formatted(currency, basis, discount, String.join(",", lines)));
        return Arbitraries.oneOf(
                shaped,
                Arbitraries.of("", "{", "[]", "null", "{\"currency\": \"USD\", \"lines\": " + "[".repeat(5000) + "}"),
                Arbitraries.strings().ofMaxLength(200));
    }

    record World(Shop a, Shop b, long reward) {}

    /** What a refused call must leave as it was, in both shops. */
    record Snapshot(int ledgerEntries, int redemptions) {}

    private Snapshot snapshot() {
        Snapshot a = snapshotOf(world.a);
        Snapshot b = snapshotOf(world.b);
        return new Snapshot(a.ledgerEntries + 1_000_000 * b.ledgerEntries, a.redemptions + 1_000_000 * b.redemptions);
    }

    private Snapshot snapshotOf(Shop shop) {
        return new Snapshot(
                dsl.fetchCount(POINTS_LEDGER, POINTS_LEDGER.SHOP_ID.eq(shop.id().value())),
                dsl.fetchCount(REDEMPTION, REDEMPTION.SHOP_ID.eq(shop.id().value())));
    }

    private String signed(String extra, String customer) {
        return ProxyQueries.signed(
                SHOPIFY_SECRET,
                world.a.platformShopKey(),
                URLEncoder.encode(customer, StandardCharsets.UTF_8),
                clock.instant().getEpochSecond(),
                extra);
    }

    private static String validBasket() {
        return "{\"currency\": \"USD\", \"lines\": [{\"price\": 1000}]}";
    }

    private HttpResponse<String> send(Endpoint endpoint, String path, String query, String basket) {
        URI uri = URI.create("http://localhost:" + port + path + "?" + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        switch (endpoint) {
            case CUSTOMER, REVIEWS -> request.GET();
            case REDEEM ->
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.noBody());
            case ESTIMATE ->
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(basket));
        }
        return PageClient.send(HTTP, request.build());
    }
}
