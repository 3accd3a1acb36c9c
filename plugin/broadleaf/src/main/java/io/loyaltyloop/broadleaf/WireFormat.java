package io.loyaltyloop.broadleaf;

/**
 * The version of the wire format the plugin speaks to the backend. Java 8 source on purpose: this
 * module is compiled with {@code --release 8} to run inside Broadleaf 3.x sites.
 */
public final class WireFormat {

    /** Sent with every request so the backend can refuse formats it no longer understands. */
    public static final String VERSION = "1";

    private WireFormat() {}
}
