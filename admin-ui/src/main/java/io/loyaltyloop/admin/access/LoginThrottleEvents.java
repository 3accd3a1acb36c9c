package io.loyaltyloop.admin.access;

import io.loyaltyloop.admin.access.AccountAuthenticationProvider.LoginDetails;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Feeds Spring Security's authentication events of the standalone login to the {@link
 * AdminLoginThrottle}: every bad-credentials failure counts (also those refused by the lock, which
 * does not lengthen it), a success clears its (store, email). Embedded session tokens never go
 * through the authentication manager, so they are not counted.
 */
@Component
class LoginThrottleEvents {

    private static final String ACTOR_PREFIX = "admin:";

    private final AdminLoginThrottle throttle;

    LoginThrottleEvents(AdminLoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        if (event.getAuthentication().getDetails() instanceof LoginDetails details) {
            throttle.failed(details.shop(), event.getAuthentication().getName(), details.address());
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        // The event carries the result: its principal is the AdminUser, whose actor is admin:<email>.
        if (event.getAuthentication().getDetails() instanceof LoginDetails details
                && event.getAuthentication().getPrincipal() instanceof AdminUser user
                && user.actor().startsWith(ACTOR_PREFIX)) {
            throttle.succeeded(details.shop(), user.actor().substring(ACTOR_PREFIX.length()));
        }
    }
}
