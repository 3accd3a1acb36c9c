package io.loyaltyloop.admin.reviews;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import io.loyaltyloop.admin.access.AdminUser;
import io.loyaltyloop.admin.shell.AdminPages;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The shop's review rules: auto-publishing from a minimum rating, blocked words, the points a
 * published review earns and how many reviews a month earn them. Refused values: 422, the form
 * again with each error next to its field, nothing saved.
 */
@Controller
class ReviewSettingsController {

    private final ReviewScreen screen;

    ReviewSettingsController(ReviewScreen screen) {
        this.screen = screen;
    }

    @GetMapping("/admin/reviews/settings")
    String settings(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "saved", required = false) String saved,
            HtmxRequest htmx,
            Model model) {
        model.addAttribute("page", "reviews");
        if (!screen.available()) {
            model.addAttribute("message", "Reviews are unavailable: this installation has no review feature.");
            return AdminPages.view(htmx, "admin/review-error");
        }
        model.addAttribute("form", SettingsForm.of(screen.moderation().settings(user.shop())));
        model.addAttribute("saved", saved != null);
        return AdminPages.view(htmx, "admin/review-settings");
    }

    @PostMapping("/admin/reviews/settings")
    String save(
            @AuthenticationPrincipal AdminUser user,
            @RequestParam(name = "autoPublish", required = false) String autoPublish,
            @RequestParam(name = "minRating", required = false) String minRating,
            @RequestParam(name = "blockedWords", required = false) String blockedWords,
            @RequestParam(name = "incentivePoints", required = false) String incentivePoints,
            @RequestParam(name = "monthlyCap", required = false) String monthlyCap,
            HtmxRequest htmx,
            HttpServletResponse response,
            Model model) {
        ReviewModeration moderation = screen.moderation();
        SettingsForm form = SettingsForm.of(autoPublish, minRating, blockedWords, incentivePoints, monthlyCap);
        if (form.valid()) {
            try {
                moderation.updateSettings(user.shop(), form.settings(), user.actor());
                if (!htmx.isHtmxRequest()) {
                    return "redirect:/admin/reviews/settings?saved";
                }
                model.addAttribute("form", SettingsForm.of(moderation.settings(user.shop())));
                model.addAttribute("saved", true);
                return "admin/review-settings :: settings";
            } catch (IllegalArgumentException e) {
                // The engine's bounds, should they ever be tighter than the form's: its message, nothing saved.
                form = form.withError("blockedWords", e.getMessage());
            }
        }
        response.setStatus(AdminPages.UNPROCESSABLE);
        model.addAttribute("page", "reviews");
        model.addAttribute("form", form);
        model.addAttribute("saved", false);
        return htmx.isHtmxRequest() ? "admin/review-settings :: settings" : "admin/review-settings";
    }
}
