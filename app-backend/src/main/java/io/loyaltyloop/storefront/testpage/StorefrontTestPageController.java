package io.loyaltyloop.storefront.testpage;

import io.loyaltyloop.loyalty.Balance;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import liqp.Template;
import liqp.TemplateParser;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /storefront-test/{shopDomain}?customer=…&locale=…&currency=…}: a product page of the shop with the
 * extension's blocks in it, rendered from the real {@code .liquid} files, and their assets under
 * {@code /storefront-test/assets/}. The chosen customer (none: a guest) is remembered in cookies that
 * {@link FakeAppProxy} signs in as {@code logged_in_customer_id}, like Shopify's session would.
 */
@RestController
@EnableConfigurationProperties(StorefrontTestPageProperties.class)
class StorefrontTestPageController {

    static final String SHOP_COOKIE = "ll_test_shop";
    static final String CUSTOMER_COOKIE = "ll_test_customer";
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    /** The product from Shopify's sample payloads, so demo reviews of it show up. */
    static final String DEFAULT_PRODUCT = "788032119674292900";

    private static final Pattern SHOP_DOMAIN = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9-]*\\.myshopify\\.com");
    private static final Pattern CUSTOMER_ID = Pattern.compile("[0-9]{1,20}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final StorefrontTestPageProperties properties;
    private final ShopService shops;
    private final LoyaltyService loyalty;
    private final ExtensionFiles files = new ExtensionFiles();
    private final LiquidBlocks blocks = new LiquidBlocks(files, "/storefront-test/assets/");
    private final Template layout;

    StorefrontTestPageController(StorefrontTestPageProperties properties, ShopService shops, LoyaltyService loyalty) {
        this.properties = properties;
        this.shops = shops;
        this.loyalty = loyalty;
        this.layout = new TemplateParser.Builder().build().parse(classpathText("storefront-test/page.liquid"));
    }

    @GetMapping("/storefront-test/{shopDomain:[^.]+\\.myshopify\\.com}")
    ResponseEntity<String> page(
            @PathVariable String shopDomain,
            @RequestParam(required = false) String customer,
            @RequestParam(defaultValue = "en") String locale,
            @RequestParam(defaultValue = DEFAULT_PRODUCT) String product,
            @RequestParam(required = false) String currency) {
        requireEnabled();
        if (!SHOP_DOMAIN.matcher(shopDomain).matches()
                || (customer != null
                        && !customer.isEmpty()
                        && !CUSTOMER_ID.matcher(customer).matches())
                || !PRODUCT_ID.matcher(product).matches()
                || (currency != null && !CURRENCY.matcher(currency).matches())) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "shop, customer, product or currency is malformed");
        }
        String localeFile = "en".equals(locale) ? "en.default" : locale;
        if (!ExtensionFiles.LOCALES.contains(localeFile)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "locale must be en, de, fr or es");
        }
        Shop shop = shops.findShop(Platform.SHOPIFY, shopDomain)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such shop"));
        String customerId = customer == null || customer.isEmpty() ? null : customer;
        String html = layout.render(variables(shop, customerId, product, currency, localeFile, locale));
        return ResponseEntity.ok()
                .header("Content-Security-Policy", POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.SET_COOKIE, cookie(SHOP_COOKIE, shopDomain).toString())
                .header(
                        HttpHeaders.SET_COOKIE,
                        cookie(CUSTOMER_COOKIE, customerId == null ? "" : customerId)
                                .toString())
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    @GetMapping("/storefront-test/assets/{name}")
    ResponseEntity<byte[]> asset(@PathVariable String name) {
        requireEnabled();
        byte[] body = "storefront.css".equals(name)
                ? classpathText("storefront-test/storefront.css").getBytes(StandardCharsets.UTF_8)
                : files.asset(name)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such asset"));
        MediaType type = name.endsWith(".js")
                ? new MediaType("text", "javascript", StandardCharsets.UTF_8)
                : new MediaType("text", "css", StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(type)
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
                .body(body);
    }

    private Map<String, Object> variables(
            Shop shop, String customerId, String productId, String shownIn, String localeFile, String locale) {
        Map<String, Object> objects = new HashMap<>();
        String currency = shop.currency().getCurrencyCode();
        objects.put("shop", Map.of("name", shop.name(), "domain", shop.platformShopKey(), "currency", currency));
        objects.put("routes", Map.of("account_login_url", "/storefront-test/" + shop.platformShopKey() + "?customer="));
        objects.put("product", TestPageBasket.product(productId, currency));
        // A visitor may browse in another currency than the shop's (Shopify Markets): ?currency=EUR.
        objects.put("cart", TestPageBasket.cart(productId, shownIn == null ? currency : shownIn));
        if (customerId != null) {
            // The app-owned metafield the balance mirror writes; here read straight from the ledger.
            long points = loyalty.balance(shop.id(), customerId)
                    .map(Balance::available)
                    .orElse(0L);
            objects.put(
                    "customer",
                    Map.of("id", customerId, "metafields", Map.of("app", Map.of("points", Map.of("value", points)))));
        }
        Map<String, Object> rendered = new HashMap<>();
        rendered.put("loyalty_embed", blocks.render("loyalty-embed", "embed", localeFile, objects, Map.of()));
        rendered.put("product_rating", blocks.render("product-rating", "rating", localeFile, objects, Map.of()));
        rendered.put(
                "points_hint_product", blocks.render("points-hint", "hint-product", localeFile, objects, Map.of()));
        rendered.put(
                "points_hint_cart",
                blocks.render("points-hint", "hint-cart", localeFile, objects, Map.of("source", "cart")));
        Map<String, Object> page = new HashMap<>(objects);
        page.put("blocks", rendered);
        page.put("locale", locale);
        return page;
    }

    private void requireEnabled() {
        if (!properties.enabled()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static ResponseCookie cookie(String name, String value) {
        return ResponseCookie.from(name, value)
                .path("/apps/loyalty")
                .httpOnly(true)
                .sameSite("Strict")
                .build();
    }

    private static String classpathText(String path) {
        try (InputStream in =
                StorefrontTestPageController.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
