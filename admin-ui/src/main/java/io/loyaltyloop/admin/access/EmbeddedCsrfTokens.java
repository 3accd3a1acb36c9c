package io.loyaltyloop.admin.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens in the HTTP session, as Spring Security keeps them, except for embedded requests:
 * those authenticate with a session token (no ambient credential, so no CSRF check) and must not
 * get an HTTP session just because a page rendered a form.
 */
class EmbeddedCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (!EmbeddedSessionFilter.isEmbedded(request)) {
            sessions.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return EmbeddedSessionFilter.isEmbedded(request) ? null : sessions.loadToken(request);
    }
}
