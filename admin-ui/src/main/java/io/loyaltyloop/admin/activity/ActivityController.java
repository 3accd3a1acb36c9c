package io.loyaltyloop.admin.activity;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import io.loyaltyloop.audit.AuditEntry;
import io.loyaltyloop.audit.AuditPage;
import io.loyaltyloop.audit.AuditTrail;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Activity screen: delivery health, then the shop's audit log, newest first, 50 entries a page.
 * "Older entries" is a link to the next page; with htmx it asks for the entries only
 * ({@code HX-Target: audit-entries}) and appends them. A refused parameter answers 400 with the page
 * saying which, and the filter form still holding what was entered.
 */
@Controller
class ActivityController {

    static final int PAGE_SIZE = 50;
    static final String ENTRIES_TARGET = "audit-entries";

    private final AuditTrail trail;
    private final DeliverySections sections;
    private final Clock clock;

    ActivityController(DSLContext dsl, DeliverySections sections, Clock clock) {
        this.trail = new AuditTrail(dsl);
        this.sections = sections;
        this.clock = clock;
    }

    @GetMapping("/admin/activity")
    String activity(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "actor", required = false) String actor,
            @RequestParam(name = "days", required = false) String days,
            @RequestParam(name = "before", required = false) String before,
            @RequestParam(name = "retried", required = false) String retried,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("page", "activity");
        model.addAttribute("families", ActionWords.FAMILIES);
        model.addAttribute("entered", new Entered(action, actor, days));
        ActivityFilter filter;
        try {
            filter = ActivityFilter.parse(action, actor, days, before);
        } catch (BadActivityRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rejection", e.getMessage());
            model.addAttribute("times", sections.times(user.shop()));
            return AdminPages.view(htmx, "admin/activity");
        }
        Instant now = clock.instant();
        AuditPage page = trail.page(user.shop(), filter.query(now), filter.before(), PAGE_SIZE);
        model.addAttribute("entries", shown(page.entries()));
        model.addAttribute("olderUrl", page.olderThan() == null ? null : olderUrl(filter, page.olderThan()));
        model.addAttribute("paged", filter.before() != null);
        if (htmx.isHtmxRequest() && ENTRIES_TARGET.equals(htmx.getTarget())) {
            model.addAttribute("times", sections.times(user.shop()));
            return "admin/activity :: older";
        }
        model.addAttribute("retried", retriedCount(retried));
        sections.all(user.shop(), model);
        return AdminPages.view(htmx, "admin/activity");
    }

    private static List<ShownEntry> shown(List<AuditEntry> entries) {
        return entries.stream()
                .map(e -> new ShownEntry(e, ActionWords.of(e.action())))
                .toList();
    }

    private static String olderUrl(ActivityFilter filter, long olderThan) {
        return UriComponentsBuilder.fromPath("/admin/activity")
                .queryParamIfPresent("action", Optional.ofNullable(filter.action()))
                .queryParamIfPresent("actor", Optional.ofNullable(filter.actor()))
                .queryParamIfPresent("days", Optional.ofNullable(filter.days()))
                .queryParam("before", olderThan)
                .encode()
                .toUriString();
    }

    /** The count a plain-form retry redirected with; anything else is ignored (it only picks a message). */
    private static Integer retriedCount(String retried) {
        if (retried == null || !retried.matches("\\d{1,7}")) {
            return null;
        }
        return Integer.valueOf(retried);
    }

    /** An audit entry with its action in words. Public for SpEL. */
    public record ShownEntry(AuditEntry entry, String words) {
        public Map<String, String> details() {
            return entry.details();
        }
    }

    /** What the merchant entered, to show it back in the filter form. */
    public record Entered(String action, String actor, String days) {}
}
