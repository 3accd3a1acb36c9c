package io.loyaltyloop.admin.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A standalone login lives 8 hours in the HTTP session, but an OWNER may remove or demote the account
 * meanwhile: each request re-reads the account (one indexed query), and one that is gone or whose
 * role changed is signed out — the request goes on unauthenticated (login page, or 401 for htmx) and
 * the person logs in again with what they may do now.
 */
class StandaloneAccountCheck extends OncePerRequestFilter {

    private static final String ACTOR_PREFIX = "admin:";

    private final AdminAccounts accounts;

    StandaloneAccountCheck(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    /** Static files carry nothing of the shop; no query for each of them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/admin/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof AdminUser user
                && !user.embedded()
                && user.actor().startsWith(ACTOR_PREFIX)) {
            boolean current = accounts.find(user.shop(), user.actor().substring(ACTOR_PREFIX.length()))
                    .filter(account -> account.role() == user.role())
                    .isPresent();
            if (!current) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }
}
