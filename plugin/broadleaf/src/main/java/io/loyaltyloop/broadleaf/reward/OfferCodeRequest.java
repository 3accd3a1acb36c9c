package io.loyaltyloop.broadleaf.reward;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.codehaus.jackson.JsonNode;

/**
 * The backend's request to issue a reward as an offer code, validated (wire contract v1,
 * {@code POST /loyalty-loop/offer-codes}).
 */
public final class OfferCodeRequest {

    /** The reward kinds of the contract. */
    public enum Kind {
        AMOUNT_OFF,
        PERCENT_OFF,
        FREE_SHIPPING
    }

    private static final Pattern REDEMPTION_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");
    private static final Pattern CODE = Pattern.compile("^[A-Za-z0-9_-]{4,100}$");
    private static final Pattern CUSTOMER_ID = Pattern.compile("^[1-9][0-9]{0,17}$");
    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private final String redemptionId;
    private final long customerId;
    private final String code;
    private final Kind kind;
    private final BigDecimal value;
    private final String rewardName;

    private OfferCodeRequest(
            String redemptionId, long customerId, String code, Kind kind, BigDecimal value, String rewardName) {
        this.redemptionId = redemptionId;
        this.customerId = customerId;
        this.code = code;
        this.kind = kind;
        this.value = value;
        this.rewardName = rewardName;
    }

    /** Parses and validates; throws {@link IllegalArgumentException} with what is wrong. */
    public static OfferCodeRequest from(JsonNode json) {
        require(json != null && json.isObject(), "the body must be a JSON object");
        String redemptionId = text(json, "redemptionId");
        require(REDEMPTION_ID.matcher(redemptionId).matches(), "redemptionId must match " + REDEMPTION_ID);
        String customerId = text(json, "customerId");
        require(CUSTOMER_ID.matcher(customerId).matches(), "customerId must be a Broadleaf customer id");
        String code = text(json, "code");
        require(CODE.matcher(code).matches(), "code must match " + CODE);
        Kind kind;
        try {
            kind = Kind.valueOf(text(json, "kind"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind must be AMOUNT_OFF, PERCENT_OFF or FREE_SHIPPING");
        }
        BigDecimal value = BigDecimal.valueOf(100);
        if (kind != Kind.FREE_SHIPPING) {
            try {
                value = new BigDecimal(text(json, "value"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("value must be a decimal string");
            }
            require(value.signum() > 0 && value.stripTrailingZeros().scale() <= 2, "value must be > 0, 2 decimals");
            require(kind != Kind.PERCENT_OFF || value.compareTo(BigDecimal.valueOf(100)) <= 0, "percent above 100");
            require(
                    kind != Kind.AMOUNT_OFF
                            || CURRENCY.matcher(text(json, "currency")).matches(),
                    "currency");
        }
        String rewardName = json.path("rewardName").getTextValue();
        require(rewardName == null || rewardName.length() <= 200, "rewardName is longer than 200 characters");
        return new OfferCodeRequest(
                redemptionId,
                Long.parseLong(customerId),
                code,
                kind,
                value,
                rewardName == null || rewardName.trim().isEmpty() ? "Loyalty reward" : rewardName.trim());
    }

    public String redemptionId() {
        return redemptionId;
    }

    public long customerId() {
        return customerId;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Money for AMOUNT_OFF, a percentage for PERCENT_OFF, 100 (percent of shipping) for FREE_SHIPPING. */
    public BigDecimal value() {
        return value;
    }

    public String rewardName() {
        return rewardName;
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        require(node != null && node.isTextual(), field + " must be a string");
        return node.getTextValue();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
