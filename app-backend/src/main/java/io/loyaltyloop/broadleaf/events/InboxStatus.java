package io.loyaltyloop.broadleaf.events;

/** An inbox row's state, as in the Shopify inbox: waiting, applied (or noted), or given up on. */
final class InboxStatus {

    static final String PENDING = "PENDING";
    static final String DONE = "DONE";
    static final String PARKED = "PARKED";

    private InboxStatus() {}
}
