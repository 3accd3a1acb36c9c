package io.loyaltyloop.email;

import io.loyaltyloop.shop.ShopService;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /u/{token}}, the link in every customer email. {@code POST} with the body {@code
 * List-Unsubscribe=One-Click} unsubscribes (RFC 8058: mail providers post it when the user clicks
 * "unsubscribe"; the confirmation page's button posts the same). {@code GET} only shows that page:
 * mail scanners prefetch links, so a GET must change nothing. Invalid, forged or expired tokens get
 * 404, a POST without the one-click body 400, both changing nothing. No cookies, no CSRF token: the
 * signed token is the authorisation.
 */
@RestController
class UnsubscribeController {

    private static final String ONE_CLICK = "One-Click";

    private final Unsubscribes unsubscribes;
    private final ShopService shops;

    UnsubscribeController(Unsubscribes unsubscribes, ShopService shops) {
        this.unsubscribes = unsubscribes;
        this.shops = shops;
    }

    @GetMapping("/u/{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        return unsubscribes
                .recipient(token)
                .map(r -> {
                    String shop = shops.getShop(r.shop()).name();
                    return unsubscribes.isUnsubscribed(r.shop(), r.customerId())
                            ? page(HttpStatus.OK, "You are unsubscribed", done(shop))
                            : page(HttpStatus.OK, "Unsubscribe", form(shop, token));
                })
                .orElseGet(UnsubscribeController::notFound);
    }

    @PostMapping("/u/{token}")
    ResponseEntity<String> unsubscribe(
            @PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String listUnsubscribe) {
        var recipient = unsubscribes.recipient(token);
        if (recipient.isEmpty()) {
            return notFound();
        }
        if (!ONE_CLICK.equals(listUnsubscribe)) {
            return page(
                    HttpStatus.BAD_REQUEST,
                    "Bad request",
                    "<p>An unsubscribe request must carry <code>List-Unsubscribe=One-Click</code>.</p>");
        }
        unsubscribes.unsubscribe(recipient.get());
        return page(
                HttpStatus.OK,
                "You are unsubscribed",
                done(shops.getShop(recipient.get().shop()).name()));
    }

    private static ResponseEntity<String> notFound() {
        return page(
                HttpStatus.NOT_FOUND,
                "Link not valid",
                "<p>This unsubscribe link is not valid or has expired. Use the link in a more recent email.</p>");
    }

    private static String form(String shop, String token) {
        return "<p>Stop receiving emails from " + escape(shop) + "?</p>"
                + "<form method=\"post\" action=\"/u/" + escape(token) + "\">"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                + "<button type=\"submit\" style=\"font:inherit;padding:10px 20px;border:0;border-radius:6px;"
                + "background:#1d4ed8;color:#fff;cursor:pointer\">Unsubscribe</button></form>";
    }

    private static String done(String shop) {
        return "<p>You will no longer receive emails from " + escape(shop) + " about your orders, reviews or points."
                + "</p>";
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title></head>"
                + "<body style=\"font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
                + "max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#27272a\">"
                + "<main><h1 style=\"font-size:1.4rem\">" + escape(title) + "</h1>" + body + "</main></body></html>";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                // The token is in the URL: keep it out of Referer headers and search engines.
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .body(html);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
