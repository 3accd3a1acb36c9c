package io.loyaltyloop.admin.access;

/** What an admin user may do: owners change things, staff only read. */
public enum AdminRole {
    OWNER,
    STAFF;

    /** The Spring Security authority for this role ({@code ROLE_OWNER}, {@code ROLE_STAFF}). */
    String authority() {
        return "ROLE_" + name();
    }
}
