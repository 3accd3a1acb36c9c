package io.loyaltyloop.admin.access;

/** No account with this id in the user's shop (perhaps in another one): a 404, nothing changed. */
class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(long id) {
        super("no account " + id);
    }
}
