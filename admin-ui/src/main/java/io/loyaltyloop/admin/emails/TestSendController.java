package io.loyaltyloop.admin.emails;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.ShopService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Sends the template as typed, on sample data, to the signed-in merchant ({@link TestRecipients}):
 * through the outbox and SMTP like a real email, subject prefixed "[Test]". Refused with 422 when the
 * draft does not render or there is nowhere to send it, 429 past the shop's hourly allowance.
 */
@Controller
class TestSendController {

    static final int TOO_MANY_REQUESTS = 429;

    private final EmailScreen screen;
    private final ShopService shops;

    TestSendController(EmailScreen screen, ShopService shops) {
        this.screen = screen;
        this.shops = shops;
    }

    @PostMapping("/admin/emails/{slug}/test")
    String send(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String slug,
            DraftFields fields,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        StepKind kind = EmailKinds.fromSlug(slug);
        EditorForm form = fields.form();
        Optional<String> to = TestRecipients.of(user, shops);
        String refusal;
        if (to.isEmpty()) {
            response.setStatus(AdminPages.UNPROCESSABLE);
            refusal = "There is no address to send the test to: set the shop's contact email on the dashboard.";
        } else {
            try {
                screen.editor().sendTest(user.shop(), kind, form.draft(), to.get(), user.actor());
                if (!htmx.isHtmxRequest()) {
                    return "redirect:/admin/emails/" + EmailKinds.slug(kind) + "?tested";
                }
                model.addAttribute("sentTo", to.get());
                return "admin/email-editor :: test-result";
            } catch (InvalidDraftException e) {
                response.setStatus(AdminPages.UNPROCESSABLE);
                form = form.withErrors(e.problems());
                refusal = "The template has errors (shown next to the fields): fix them to send a test.";
            } catch (TestSendLimitException e) {
                response.setStatus(TOO_MANY_REQUESTS);
                refusal = "This shop has sent " + e.limit()
                        + " test emails in the last hour, the most allowed. Try again later.";
            }
        }
        model.addAttribute("testRefusal", refusal);
        if (htmx.isHtmxRequest()) {
            model.addAttribute("form", form);
            model.addAttribute("oob", true);
            return "admin/email-editor :: test-result";
        }
        screen.editorModel(user, kind, form, model);
        return "admin/email-editor";
    }
}
