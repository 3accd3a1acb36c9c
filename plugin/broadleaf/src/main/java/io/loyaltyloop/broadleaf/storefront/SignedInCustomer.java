package io.loyaltyloop.broadleaf.storefront;

import javax.servlet.http.HttpServletRequest;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.web.core.CustomerState;

/**
 * Who is shopping, from Broadleaf's own session state ({@link CustomerState}); never from anything
 * the browser sends. Broadleaf keeps an anonymous customer for guests: those count as nobody.
 */
public final class SignedInCustomer {

    private SignedInCustomer() {}

    /** The registered, signed-in customer's id, or null for a guest. */
    public static Long id(HttpServletRequest request) {
        Customer customer = CustomerState.getCustomer(request);
        if (customer == null || customer.getId() == null || customer.isAnonymous() || !customer.isRegistered()) {
            return null;
        }
        return customer.getId();
    }
}
