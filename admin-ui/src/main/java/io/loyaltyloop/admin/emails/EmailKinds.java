package io.loyaltyloop.admin.emails;

import io.loyaltyloop.journey.StepKind;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the screen names each kind of email, what sends it, and its address in URLs ({@code
 * review-request} for {@link StepKind#REVIEW_REQUEST}). Public for the templates' SpEL.
 */
public final class EmailKinds {

    /** What a kind's part of a URL may look like at all; anything else is a malformed request. */
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z-]{0,39}");

    private static final Map<StepKind, String[]> TEXTS = Map.ofEntries(
            Map.entry(StepKind.ORDER_CONFIRMED, t("Order confirmation", "An order is paid.")),
            Map.entry(StepKind.SHIPPED, t("Shipped", "A fulfillment leaves with a carrier.")),
            Map.entry(StepKind.IN_TRANSIT, t("In transit", "The carrier reports the parcel on its way.")),
            Map.entry(StepKind.OUT_FOR_DELIVERY, t("Out for delivery", "The carrier is delivering today.")),
            Map.entry(StepKind.DELIVERED, t("Delivered", "The carrier reports the parcel delivered.")),
            Map.entry(
                    StepKind.DELIVERY_EXCEPTION,
                    t("Delivery problem", "The carrier reports a failure or a failed attempt.")),
            Map.entry(
                    StepKind.SHIPMENT_STUCK,
                    t("Shipment delayed", "Tracking has not moved for days; the customer is told you are on it.")),
            Map.entry(
                    StepKind.SHIPMENT_STUCK_ALERT,
                    t("Stuck shipment alert (to you)", "The same stuck shipment, sent to your contact email.")),
            Map.entry(StepKind.REVIEW_REQUEST, t("Review request", "Some days after delivery.")),
            Map.entry(StepKind.REVIEW_REMINDER, t("Review reminder", "No review some days after the request.")),
            Map.entry(StepKind.SURVEY, t("Survey", "After delivery: NPS or CSAT, as the program sets.")),
            Map.entry(StepKind.POINTS_EARNED, t("Points earned", "An order's points become available.")),
            Map.entry(StepKind.REWARD_UNLOCKED, t("Reward unlocked", "The balance reaches a reward's cost.")),
            Map.entry(StepKind.POINTS_EXPIRING, t("Points expiring", "Weeks before points expire.")),
            Map.entry(StepKind.POINTS_LAST_CHANCE, t("Points last chance", "Days before points expire.")));

    private EmailKinds() {}

    public static String name(StepKind kind) {
        return TEXTS.get(kind)[0];
    }

    public static String trigger(StepKind kind) {
        return TEXTS.get(kind)[1];
    }

    public static String slug(StepKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws BadEmailRequestException for a part that is no kind's address in form
     * @throws org.springframework.web.server.ResponseStatusException 404 for a well-formed unknown one
     */
    static StepKind fromSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new BadEmailRequestException("The address names no kind of email.");
        }
        try {
            return StepKind.valueOf(slug.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.NOT_FOUND, "no such kind of email");
        }
    }

    private static String[] t(String name, String trigger) {
        return new String[] {name, trigger};
    }
}
