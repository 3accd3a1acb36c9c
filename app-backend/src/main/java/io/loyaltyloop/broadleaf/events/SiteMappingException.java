package io.loyaltyloop.broadleaf.events;

/** An event's data that does not map to lifecycle events; the event is parked with this reason. */
class SiteMappingException extends RuntimeException {

    SiteMappingException(String message) {
        super(message, null, false, false);
    }
}
