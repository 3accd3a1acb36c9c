package io.loyaltyloop.shopify.admin;

/**
 * Shopify kept refusing a call (throttled, 429, 5xx, unreachable, or 401 after a token refresh)
 * and the client gave up. The work is safe to retry later: every write we send is idempotent.
 */
public class AdminUnavailableException extends ShopifyAdminException {

    private static final long serialVersionUID = 1L;

    private final int attempts;

    public AdminUnavailableException(
            String shop, AdminDocument document, int attempts, String lastFailure, Throwable cause) {
        super(
                document.operationName() + " on " + shop + " gave up after " + attempts + " attempt(s); last: "
                        + lastFailure,
                cause);
        this.attempts = attempts;
    }

    public int attempts() {
        return attempts;
    }
}
