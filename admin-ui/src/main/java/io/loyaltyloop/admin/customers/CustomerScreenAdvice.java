package io.loyaltyloop.admin.customers;

import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.ShownTimes;
import io.loyaltyloop.shop.ShopService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page of the customers screen shares: times shown the same way (in the shop's time
 * zone), and a bad parameter
 * answered with a 400 page that says which one, inside the admin's shell.
 */
@ControllerAdvice(assignableTypes = {CustomerSearchController.class, CustomerController.class})
class CustomerScreenAdvice {

    private final ShopService shops;

    CustomerScreenAdvice(ShopService shops) {
        this.shops = shops;
    }

    @ModelAttribute("times")
    ShownTimes times(@AuthenticationPrincipal AdminUser user) {
        return new ShownTimes(shops.getShop(user.shop()).timezone());
    }

    @ExceptionHandler(BadCustomerRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badRequest(BadCustomerRequestException e, @AuthenticationPrincipal AdminUser user, Model model) {
        model.addAttribute("admin", user);
        model.addAttribute("page", "customers");
        model.addAttribute("message", e.getMessage());
        model.addAttribute("times", times(user));
        return "admin/customer-error";
    }
}
