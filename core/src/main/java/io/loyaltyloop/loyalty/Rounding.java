package io.loyaltyloop.loyalty;

import java.math.RoundingMode;

/** How an order's fractional points become whole points. */
public enum Rounding {
    DOWN(RoundingMode.DOWN),
    HALF_UP(RoundingMode.HALF_UP),
    UP(RoundingMode.UP);

    private final RoundingMode mode;

    Rounding(RoundingMode mode) {
        this.mode = mode;
    }

    RoundingMode mode() {
        return mode;
    }
}
