package io.loyaltyloop.shop;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/**
 * What the host tells us about a store when it installs Loyalty Loop.
 *
 * @param contactEmail where merchant alerts go; null when the host gave none (see {@link ContactEmail})
 */
public record NewShop(
        Platform platform, String platformShopKey, String name, String currency, String timezone, String contactEmail) {

    /** A shop without a known contact address. */
    public NewShop(Platform platform, String platformShopKey, String name, String currency, String timezone) {
        this(platform, platformShopKey, name, currency, timezone, null);
    }

    public NewShop {
        Objects.requireNonNull(platform, "platform");
        if (platformShopKey == null || platformShopKey.isBlank() || platformShopKey.length() > 255) {
            throw new IllegalArgumentException("shop key must be 1-255 characters");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("shop name is required");
        }
        currencyOf(currency);
        zoneOf(timezone);
        if (contactEmail != null && !ContactEmail.isValid(contactEmail)) {
            throw new InvalidContactEmailException();
        }
    }

    Currency currencyValue() {
        return currencyOf(currency);
    }

    ZoneId zoneValue() {
        return zoneOf(timezone);
    }

    private static Currency currencyOf(String code) {
        try {
            return Currency.getInstance(Objects.requireNonNull(code, "currency"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown currency code: " + code, e);
        }
    }

    private static ZoneId zoneOf(String timezone) {
        try {
            return ZoneId.of(Objects.requireNonNull(timezone, "timezone"));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone: " + timezone, e);
        }
    }
}
