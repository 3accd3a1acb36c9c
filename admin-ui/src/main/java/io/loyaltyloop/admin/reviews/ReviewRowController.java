package io.loyaltyloop.admin.reviews;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.reviews.ReviewModeration.Row;
import io.loyaltyloop.admin.shell.AdminPages;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One review's moderation: approve, reject with a reason, reply. htmx gets the review's row again
 * (in place); a plain form is redirected to the queue. The id is looked up in the signed-in user's
 * shop only: another shop's review is unknown (404) and stays as it was.
 */
@Controller
class ReviewRowController {

    private final ReviewScreen screen;

    ReviewRowController(ReviewScreen screen) {
        this.screen = screen;
    }

    @PostMapping("/admin/reviews/{id}/approve")
    String approve(@AuthenticationPrincipal AdminUser user, @PathVariable String id, HtmxRequest htmx, Model model) {
        Row row = screen.moderation().approve(user.shop(), ReviewIds.parse(id), user.actor());
        return answer(user, row, "Approved.", htmx, model);
    }

    @PostMapping("/admin/reviews/{id}/reject")
    String reject(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String id,
            @RequestParam(name = "reason", required = false) String reason,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        long reviewId = ReviewIds.parse(id);
        ReviewModeration moderation = screen.moderation();
        String problem = ModerationText.reasonProblem(reason);
        if (problem != null) {
            return refused(user, reviewId, Map.of("reason", problem), htmx, response, model);
        }
        Row row = moderation.reject(user.shop(), reviewId, reason.strip(), user.actor());
        return answer(user, row, "Rejected.", htmx, model);
    }

    @PostMapping("/admin/reviews/{id}/reply")
    String reply(
            @AuthenticationPrincipal AdminUser user,
            @PathVariable String id,
            @RequestParam(name = "reply", required = false) String reply,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        long reviewId = ReviewIds.parse(id);
        ReviewModeration moderation = screen.moderation();
        String problem = ModerationText.replyProblem(reply);
        if (problem != null) {
            return refused(user, reviewId, Map.of("reply", problem, "replyText", reply), htmx, response, model);
        }
        boolean removing = reply == null || reply.isBlank();
        Row row = moderation.reply(user.shop(), reviewId, removing ? null : reply, user.actor());
        return answer(user, row, removing ? "Reply removed." : "Reply saved.", htmx, model);
    }

    private String answer(AdminUser user, Row row, String note, HtmxRequest htmx, Model model) {
        if (!htmx.isHtmxRequest()) {
            return "redirect:/admin/reviews?status=all";
        }
        row(user, row, model);
        model.addAttribute("rowNote", note);
        return "admin/review-row :: row";
    }

    /**
     * 422 with the form's error next to its field: htmx gets the row, a plain form the queue of every
     * review with the row among them. The review must exist in the shop, else 404 as for any write.
     */
    private String refused(
            AdminUser user,
            long reviewId,
            Map<String, String> errors,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        Row row = screen.moderation().get(user.shop(), reviewId);
        response.setStatus(AdminPages.UNPROCESSABLE);
        model.addAttribute("rowErrors", Map.of(reviewId, errors));
        if (htmx.isHtmxRequest()) {
            row(user, row, model);
            return "admin/review-row :: row";
        }
        QueueQuery all = QueueQuery.parse("all", null, null, null, null, null, null);
        List<Row> shown = screen.queue(user, all, model);
        if (shown.stream().noneMatch(r -> r.reviewId() == reviewId)) {
            model.addAttribute("rows", List.of(row));
        }
        return "admin/reviews";
    }

    private void row(AdminUser user, Row row, Model model) {
        model.addAttribute("r", row);
        model.addAttribute("times", screen.times(user.shop()));
    }
}
