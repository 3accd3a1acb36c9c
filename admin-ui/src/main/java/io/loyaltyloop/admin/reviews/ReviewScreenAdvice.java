package io.loyaltyloop.admin.reviews;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The Reviews screen's refusals, inside the admin's shell: a parameter no form of ours sends is a 400
 * page naming it; a review that is not the shop's is a 404 that says no more than "not found".
 */
@ControllerAdvice(
        assignableTypes = {ReviewQueueController.class, ReviewRowController.class, ReviewSettingsController.class})
class ReviewScreenAdvice {

    @ExceptionHandler(BadReviewRequestException.class)
    String badRequest(
            BadReviewRequestException e,
            @AuthenticationPrincipal AdminUser user,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        return refusal(HttpStatus.BAD_REQUEST, e.getMessage(), user, htmx, response, model);
    }

    @ExceptionHandler(UnknownReviewsException.class)
    String notFound(
            UnknownReviewsException e,
            @AuthenticationPrincipal AdminUser user,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        return refusal(
                HttpStatus.NOT_FOUND, "No such review in this shop; nothing was changed.", user, htmx, response, model);
    }

    private static String refusal(
            HttpStatus status,
            String message,
            AdminUser user,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        response.setStatus(status.value());
        model.addAttribute("admin", user);
        model.addAttribute("page", "reviews");
        model.addAttribute("message", message);
        return AdminPages.view(htmx, "admin/review-error");
    }
}
