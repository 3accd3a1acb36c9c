package io.loyaltyloop.admin.customers;

import io.loyaltyloop.admin.access.AdminUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page of the customers screen shares: times shown the same way, and a bad parameter
 * answered with a 400 page that says which one, inside the admin's shell.
 */
@ControllerAdvice(assignableTypes = {CustomerSearchController.class, CustomerController.class})
class CustomerScreenAdvice {

    @ModelAttribute("times")
    ShownTimes times() {
        return new ShownTimes();
    }

    @ExceptionHandler(BadCustomerRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(BadCustomerRequestException e, @AuthenticationPrincipal AdminUser user, Model model) {
        model.addAttribute("admin", user);
        model.addAttribute("page", "customers");
        model.addAttribute("message", e.getMessage());
        model.addAttribute("times", new ShownTimes());
        return "admin/customer-error";
    }
}
