package io.loyaltyloop.admin.shell;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The standalone login form; Spring Security handles its POST. */
@Controller
class LoginController {

    @GetMapping("/admin/login")
    String login() {
        return "admin/login";
    }
}
