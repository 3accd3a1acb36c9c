package io.loyaltyloop.admin.emails;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.journey.StepKind;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The list of every kind of email with its switch. Any kind may be off, tracking emails too: a
 * merchant who sends their own would otherwise send two. The journey then skips the step (the outbox
 * refuses a kind the shop switched off) and says so in the customer's timeline.
 */
@Controller
class EmailsController {

    /** A row of the list, as the template shows it. */
    public record Row(
            StepKind kind,
            String slug,
            String name,
            String trigger,
            boolean enabled,
            boolean customised,
            String lastChanged) {}

    private final EmailScreen screen;

    EmailsController(EmailScreen screen) {
        this.screen = screen;
    }

    @GetMapping("/admin/emails")
    String list(@AuthenticationPrincipal AdminUser user, HtmxRequest htmx, Model model) {
        model.addAttribute("page", "emails");
        model.addAttribute("rows", rows(user));
        model.addAttribute("available", screen.available());
        return AdminPages.view(htmx, "admin/emails");
    }

    /** Switches a kind on or off; htmx gets the row again, a plain form the list. */
    @PostMapping("/admin/emails/{slug}/enabled")
    String setEnabled(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String slug,
            @RequestParam(name = "enabled", required = false) String enabled,
            HtmxRequest htmx,
            Model model) {
        StepKind kind = EmailKinds.fromSlug(slug);
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            throw new BadEmailRequestException("enabled must be true or false.");
        }
        screen.editor().setEnabled(user.shop(), kind, Boolean.parseBoolean(enabled), user.actor());
        if (!htmx.isHtmxRequest()) {
            return "redirect:/admin/emails";
        }
        model.addAttribute(
                "row",
                rows(user).stream().filter(r -> r.kind() == kind).findFirst().orElseThrow());
        return "admin/emails :: row";
    }

    private List<Row> rows(AdminUser user) {
        if (!screen.available()) {
            return List.of();
        }
        return screen.editor().kinds(user.shop()).stream()
                .map(k -> new Row(
                        k.kind(),
                        EmailKinds.slug(k.kind()),
                        EmailKinds.name(k.kind()),
                        EmailKinds.trigger(k.kind()),
                        k.enabled(),
                        k.customised(),
                        screen.shown(user, k.lastChanged())))
                .toList();
    }
}
