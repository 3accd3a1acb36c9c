package io.loyaltyloop.admin.emails;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.journey.StepKind;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The email's HTML as its own document, for the editor's preview frame. The HTML is the merchant's,
 * so it gets a policy of its own: no script, no connection, no form, styles inline (emails need
 * them; the admin's {@code style-src 'self'} would strip them), images from https and data only, and
 * framed only by the admin itself (and, embedded, by the Shopify admin above it: every ancestor is
 * checked). The frame is also {@code sandbox}ed by the page.
 *
 * <p>GET shows the saved template; POST the draft being typed, posted into the frame by
 * admin-emails.js. Embedded, that post carries the session token as the {@code session_token} field,
 * which the admin's session filter accepts on this path only.
 */
@Controller
class EmailPreviewController {

    private final EmailScreen screen;

    EmailPreviewController(EmailScreen screen) {
        this.screen = screen;
    }

    @GetMapping("/admin/emails/{slug}/preview")
    ResponseEntity<String> saved(
            @AuthenticationPrincipal AdminUser user, @PathVariable String slug, HttpServletResponse response) {
        StepKind kind = EmailKinds.fromSlug(slug);
        return document(user, kind, screen.editor().template(user.shop(), kind).template(), response);
    }

    @PostMapping("/admin/emails/{slug}/preview")
    ResponseEntity<String> draft(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String slug,
            DraftFields fields,
            HttpServletResponse response) {
        StepKind kind = EmailKinds.fromSlug(slug);
        return document(user, kind, fields.form().draft(), response);
    }

    static String policy(AdminUser user) {
        String ancestors =
                user.embedded() ? "'self' https://" + user.embeddedShop() + " https://admin.shopify.com" : "'self'";
        return "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; font-src https: data:;"
                + " form-action 'none'; base-uri 'none'; frame-ancestors " + ancestors;
    }

    private ResponseEntity<String> document(
            AdminUser user, StepKind kind, EmailTemplateEditor.Draft draft, HttpServletResponse response) {
        // Replaces the admin's policy, which the session filter set: two policies would both apply.
        response.setHeader("Content-Security-Policy", policy(user));
        EmailTemplateEditor.Checked checked = screen.editor().check(user.shop(), kind, draft);
        String body = checked.ok() ? checked.rendered().html() : problems(checked.problems());
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Referrer-Policy", "no-referrer")
                .body(body);
    }

    /** Shown in the frame while the draft does not render; the editor lists the same next to each field. */
    private static String problems(Map<String, List<String>> problems) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Preview</title></head><body style=\"font-family:system-ui,sans-serif;padding:16px;\">"
                + "<p><strong>The preview shows again once the template renders.</strong></p><ul>");
        problems.forEach((part, list) -> list.forEach(p -> html.append("<li>")
                .append(HtmlUtils.htmlEscape(part + ": " + p))
                .append("</li>")));
        return html.append("</ul></body></html>").toString();
    }
}
