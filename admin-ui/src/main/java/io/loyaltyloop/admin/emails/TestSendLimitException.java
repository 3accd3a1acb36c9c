package io.loyaltyloop.admin.emails;

/** The shop sent as many test emails as it may in the last hour. */
public class TestSendLimitException extends RuntimeException {

    private final int limit;

    public TestSendLimitException(int limit) {
        super("at most " + limit + " test emails an hour");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
