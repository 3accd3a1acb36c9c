package io.loyaltyloop.admin.access;

/** An account that cannot be created as asked: bad email, weak password, or a duplicate. */
public class AdminAccountException extends RuntimeException {

    public AdminAccountException(String message) {
        super(message);
    }
}
