package io.loyaltyloop.admin.emails;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.journey.StepKind;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One kind's template: the editor, the live check as the merchant types (subject, text and the
 * problems next to their fields; the HTML goes to the preview frame, {@link EmailPreviewController}),
 * save and reset. A template that does not render is refused with 422 and nothing saved.
 */
@Controller
class EmailEditorController {

    private final EmailScreen screen;

    EmailEditorController(EmailScreen screen) {
        this.screen = screen;
    }

    @GetMapping("/admin/emails/{slug}")
    String editor(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String slug,
            @RequestParam(name = "saved", required = false) String saved,
            @RequestParam(name = "reset", required = false) String reset,
            @RequestParam(name = "tested", required = false) String tested,
            HtmxRequest htmx,
            Model model) {
        StepKind kind = EmailKinds.fromSlug(slug);
        EditorForm form =
                EditorForm.of(screen.editor().template(user.shop(), kind).template());
        screen.editorModel(user, kind, form, model);
        model.addAttribute("saved", saved != null);
        model.addAttribute("reset", reset != null);
        model.addAttribute("tested", tested != null);
        return AdminPages.view(htmx, "admin/email-editor");
    }

    /** The draft on sample data, for the live preview: always 200, problems are content here. */
    @PostMapping("/admin/emails/{slug}/check")
    String check(@AuthenticationPrincipal AdminUser user, @PathVariable String slug, DraftFields fields, Model model) {
        StepKind kind = EmailKinds.fromSlug(slug);
        EditorForm form = fields.form();
        EmailTemplateEditor.Checked checked = screen.editor().check(user.shop(), kind, form.draft());
        model.addAttribute("checked", checked);
        model.addAttribute("form", form.withErrors(checked.problems()));
        model.addAttribute("slug", slug);
        model.addAttribute("oob", true);
        return "admin/email-editor :: checked";
    }

    @PostMapping("/admin/emails/{slug}")
    String save(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String slug,
            DraftFields fields,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        StepKind kind = EmailKinds.fromSlug(slug);
        EditorForm form = fields.form();
        try {
            screen.editor().save(user.shop(), kind, form.draft(), user.actor());
        } catch (InvalidDraftException e) {
            response.setStatus(AdminPages.UNPROCESSABLE);
            screen.editorModel(user, kind, form.withErrors(e.problems()), model);
            return htmx.isHtmxRequest() ? "admin/email-editor :: editor" : "admin/email-editor";
        }
        return done(user, kind, "saved", htmx, model);
    }

    @PostMapping("/admin/emails/{slug}/reset")
    String reset(@AuthenticationPrincipal AdminUser user, @PathVariable String slug, HtmxRequest htmx, Model model) {
        StepKind kind = EmailKinds.fromSlug(slug);
        screen.editor().reset(user.shop(), kind, user.actor());
        return done(user, kind, "reset", htmx, model);
    }

    /** Post/Redirect/Get for plain forms; htmx gets the editor as it now is, with the news. */
    private String done(AdminUser user, StepKind kind, String what, HtmxRequest htmx, Model model) {
        if (!htmx.isHtmxRequest()) {
            return "redirect:/admin/emails/" + EmailKinds.slug(kind) + "?" + what;
        }
        EditorForm form =
                EditorForm.of(screen.editor().template(user.shop(), kind).template());
        screen.editorModel(user, kind, form, model);
        model.addAttribute(what, true);
        return "admin/email-editor :: editor";
    }
}
