package io.loyaltyloop.admin.program;

import io.loyaltyloop.journey.JourneyService;
import io.loyaltyloop.loyalty.EarningRule;
import io.loyaltyloop.loyalty.EarningService;
import io.loyaltyloop.loyalty.ExclusionField;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the Program page shows, section by section. A controller that answers one section (or the
 * whole page with one refused form) puts its own form in the model first; the rest is read fresh.
 */
@Component
class ProgramPage {

    static final String TEMPLATE = "admin/program";
    /** The sections a "saved" banner may name (anything else in the URL is ignored). */
    static final Set<String> SECTIONS = Set.of("earning", "exclusions", "settings", "journey", "journey-reset");

    /** How the exclusion fields read, in the order the form offers them. */
    static final Map<String, String> FIELD_LABELS = labels();

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy");

    private final EarningService earning;
    private final ShopService shops;
    private final JourneyService journeys;

    ProgramPage(EarningService earning, ShopService shops, JourneyService journeys) {
        this.earning = earning;
        this.shops = shops;
        this.journeys = journeys;
    }

    void earning(ShopId shopId, Model model) {
        Shop shop = shops.getShop(shopId);
        EarningRule rule = earning.rule(shopId);
        model.addAttribute("shop", shop);
        model.addAttribute("rule", rule);
        model.addAttribute("ruleRate", rule.pointsPerUnit().stripTrailingZeros().toPlainString());
        model.addAttribute("ruleUnit", rule.pointsPerUnit().compareTo(BigDecimal.ONE) == 0 ? "point" : "points");
        model.addAttribute("ruleSince", DATE.format(rule.createdAt().atZone(shop.timezone())));
        if (!model.containsAttribute("earning")) {
            model.addAttribute("earning", EarningForm.of(rule));
        }
    }

    void exclusions(ShopId shop, Model model) {
        model.addAttribute("exclusions", earning.exclusions(shop));
        model.addAttribute("fieldLabels", FIELD_LABELS);
        if (!model.containsAttribute("exclusionForm")) {
            model.addAttribute("exclusionForm", ExclusionForm.empty());
        }
    }

    void settings(ShopId shop, Model model) {
        if (!model.containsAttribute("settings")) {
            model.addAttribute("settings", SettingsForm.of(shops.settings(shop)));
        }
    }

    void journey(ShopId shop, Model model) {
        if (!model.containsAttribute("journey")) {
            model.addAttribute("journey", JourneyForm.of(journeys.settings(shop)));
        }
        model.addAttribute("journeyOwn", journeys.hasOwnSettings(shop));
        model.addAttribute("journeyDefaults", JourneyForm.of(journeys.defaults()));
    }

    /** Every section: the whole page. */
    String whole(ShopId shop, Model model) {
        model.addAttribute("page", "program");
        earning(shop, model);
        exclusions(shop, model);
        settings(shop, model);
        journey(shop, model);
        return TEMPLATE;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ExclusionField.SKU.name(), "SKU");
        labels.put(ExclusionField.PRODUCT_ID.name(), "Product id");
        labels.put(ExclusionField.VENDOR.name(), "Vendor");
        labels.put(ExclusionField.PRODUCT_TYPE.name(), "Product type");
        return Collections.unmodifiableMap(labels);
    }

    /** After a plain form's write: back to the page, which says what was saved (Post/Redirect/Get). */
    static String redirectSaved(String section) {
        return "redirect:/admin/program?saved=" + section;
    }
}
