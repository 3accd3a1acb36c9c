package io.loyaltyloop.admin.reviews;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The moderation queue of the signed-in user's shop, filtered and paged, and the bulk moves over the
 * reviews ticked on it. A bulk move is all or nothing: one id that is not the shop's (unknown, or
 * another shop's) and nothing changes (404) — a merchant who ticked reviews on a page expects exactly
 * those to move, and a partial success would have to explain which did not and why.
 */
@Controller
class ReviewQueueController {

    static final int MAX_BULK = 100;

    private final ReviewScreen screen;

    ReviewQueueController(ReviewScreen screen) {
        this.screen = screen;
    }

    @GetMapping("/admin/reviews")
    String queue(
            @AuthenticationPrincipal AdminUser user,
            QueueQuery.Params params,
            @RequestParam(name = "approved", required = false) String approved,
            @RequestParam(name = "rejected", required = false) String rejected,
            HtmxRequest htmx,
            Model model) {
        if (!screen.available()) {
            model.addAttribute("page", "reviews");
            model.addAttribute("message", "Reviews are unavailable: this installation has no review feature.");
            return AdminPages.view(htmx, "admin/review-error");
        }
        QueueQuery query = params.parse();
        screen.queue(user, query, model);
        Long approvedCount = BadReviewRequestException.bounded("approved", approved, 0, MAX_BULK);
        Long rejectedCount = BadReviewRequestException.bounded("rejected", rejected, 0, MAX_BULK);
        if (approvedCount != null) {
            model.addAttribute("bulkDone", approvedCount + " approved.");
        } else if (rejectedCount != null) {
            model.addAttribute("bulkDone", rejectedCount + " rejected.");
        }
        return AdminPages.view(htmx, "admin/reviews");
    }

    /** Publishes the ticked reviews, crediting each one's incentive once. */
    @PostMapping("/admin/reviews/bulk/approve")
    String approveAll(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "id", required = false) List<String> ids,
            QueueQuery.Params params,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        return bulk(user, ids, null, params, htmx, response, model);
    }

    /** Rejects the ticked reviews with one reason for all. */
    @PostMapping("/admin/reviews/bulk/reject")
    String rejectAll(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "id", required = false) List<String> ids,
            @RequestParam(name = "reason", required = false) String reason,
            QueueQuery.Params params,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        return bulk(user, ids, reason == null ? "" : reason, params, htmx, response, model);
    }

    /**
     * Approves (no reason) or rejects the ticked reviews, at most {@link #MAX_BULK}. htmx gets the
     * queue again under the same filters and the outcome in the live region; a plain form is
     * redirected to the queue. No review ticked, or no reason to reject: 422, nothing changed.
     */
    private String bulk(
            AdminUser user,
            List<String> ids,
            String reason,
            QueueQuery.Params params,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        ReviewModeration moderation = screen.moderation();
        QueueQuery query = params.parse();
        List<Long> reviewIds = reviewIds(ids);
        boolean reject = reason != null;
        String reasonProblem = reject ? ModerationText.reasonProblem(reason) : null;
        if (reviewIds.isEmpty() || reasonProblem != null) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (reviewIds.isEmpty()) {
                errors.put("id", "Select at least one review first.");
            }
            if (reasonProblem != null) {
                errors.put("reason", reasonProblem);
            }
            response.setStatus(AdminPages.UNPROCESSABLE);
            screen.queue(user, query, model);
            model.addAttribute("bulkErrors", errors);
            model.addAttribute("bulkReason", reason);
            model.addAttribute("selected", new HashSet<>(reviewIds));
            return htmx.isHtmxRequest() ? "admin/reviews :: queue" : "admin/reviews";
        }
        int changed = reject
                ? moderation.rejectAll(user.shop(), reviewIds, reason.strip(), user.actor())
                : moderation.approveAll(user.shop(), reviewIds, user.actor());
        String done = reject ? "rejected" : "approved";
        if (!htmx.isHtmxRequest()) {
            return "redirect:" + query.url(null, null) + "&" + done + "=" + changed;
        }
        screen.queue(user, query, model);
        model.addAttribute("bulkDone", changed + " " + done + ".");
        return "admin/reviews :: bulk-answer";
    }

    /** The ticked ids: each a positive whole number (else 400), at most {@link #MAX_BULK} (else 400). */
    private static List<Long> reviewIds(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_BULK) {
            throw new BadReviewRequestException("at most " + MAX_BULK + " reviews can be moderated at once");
        }
        List<Long> parsed = new ArrayList<>();
        for (String id : ids) {
            parsed.add(ReviewIds.parse(id));
        }
        return parsed;
    }
}
