package io.loyaltyloop.admin.emails;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.ShownTimes;
import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.ShopService;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the Emails screen's controllers share: the port (when there is one) and the editor's model. */
@Component
class EmailScreen {

    private final Optional<EmailTemplateEditor> editor;
    private final ShopService shops;

    EmailScreen(Optional<EmailTemplateEditor> editor, ShopService shops) {
        this.editor = editor;
        this.shops = shops;
    }

    /** @throws EmailsUnavailableException when nothing implements the port here */
    EmailTemplateEditor editor() {
        return editor.orElseThrow(EmailsUnavailableException::new);
    }

    boolean available() {
        return editor.isPresent();
    }

    /** A time as the merchant reads it: in the shop's time zone. */
    String shown(AdminUser user, Instant at) {
        if (at == null) {
            return null;
        }
        return new ShownTimes(shops.getShop(user.shop()).timezone()).at(at);
    }

    /** The editor page's model: the kind, its state, the form and what the form renders to. */
    void editorModel(AdminUser user, StepKind kind, EditorForm form, Model model) {
        EmailTemplateEditor.KindTemplate template = editor().template(user.shop(), kind);
        EmailTemplateEditor.Checked checked = editor().check(user.shop(), kind, form.draft());
        model.addAttribute("page", "emails");
        model.addAttribute("kind", kind);
        model.addAttribute("slug", EmailKinds.slug(kind));
        model.addAttribute("kindName", EmailKinds.name(kind));
        model.addAttribute("trigger", EmailKinds.trigger(kind));
        model.addAttribute("state", template.state());
        model.addAttribute("lastChanged", shown(user, template.state().lastChanged()));
        model.addAttribute("variables", template.variables());
        model.addAttribute("form", form.errors().isEmpty() ? form.withErrors(checked.problems()) : form);
        model.addAttribute("checked", checked);
        model.addAttribute("testRecipient", TestRecipients.describe(user));
    }
}
