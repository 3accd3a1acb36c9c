package io.loyaltyloop.admin.access;

/**
 * An account change refused as asked: bad email, weak password, a duplicate, a wrong current
 * password, or the shop's last OWNER demoted or removed. {@link #field()} names the form field the
 * message belongs next to.
 */
public class AdminAccountException extends RuntimeException {

    private final String field;

    public AdminAccountException(String message) {
        this(null, message);
    }

    public AdminAccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field at fault ({@code email}, {@code password}, {@code current}, {@code role}), or null. */
    public String field() {
        return field;
    }
}
