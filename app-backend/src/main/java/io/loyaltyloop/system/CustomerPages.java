package io.loyaltyloop.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The pages customers reach from our emails (review form, survey): one way to refuse a link, as a
 * full page, or as a fragment when htmx asked ({@code HX-Request}).
 */
@ControllerAdvice(basePackages = {"io.loyaltyloop.review", "io.loyaltyloop.survey"})
public class CustomerPages {

    /** Bytes of form any honest review or survey needs, with room for multi-byte characters. */
    static final long MAX_FORM_BYTES = 64 * 1024;

    @ExceptionHandler
    String rejected(
            CustomerLinkRejectedException rejection,
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.ui.Model model) {
        response.setStatus(rejection.status().value());
        model.addAttribute("heading", rejection.heading());
        model.addAttribute("message", rejection.getMessage());
        return isHtmx(request) ? "public/problem :: problem" : "public/problem";
    }

    /** Whether htmx sent the request, so that it wants a fragment rather than a page. */
    public static boolean isHtmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** Refuses a form whose declared size is more than any honest one, before it is read. */
    public static void requireSmallForm(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            throw CustomerLinkRejectedException.tooLarge();
        }
    }
}
