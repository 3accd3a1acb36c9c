package io.loyaltyloop.admin.emails;

import io.loyaltyloop.admin.access.AdminUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The Emails screen's refusals as pages inside the admin's shell: a malformed request, or no emails here. */
@ControllerAdvice(basePackageClasses = EmailScreenAdvice.class)
class EmailScreenAdvice {

    @ExceptionHandler(BadEmailRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(BadEmailRequestException e, @AuthenticationPrincipal AdminUser user, Model model) {
        return message(user, "This request can't be understood", e.getMessage(), model);
    }

    @ExceptionHandler(EmailsUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String unavailable(@AuthenticationPrincipal AdminUser user, Model model) {
        return message(
                user,
                "Emails are unavailable",
                "This deployment of Loyalty Loop does not send emails, so there are no templates to edit.",
                model);
    }

    private static String message(AdminUser user, String title, String message, Model model) {
        model.addAttribute("admin", user);
        model.addAttribute("page", "emails");
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "admin/email-message";
    }
}
