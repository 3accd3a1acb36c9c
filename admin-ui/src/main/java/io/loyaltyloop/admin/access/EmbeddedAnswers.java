package io.loyaltyloop.admin.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * What the embedded session filter answers when it does not let a request in: a problem document
 * for htmx and API requests, a small page for document loads (a merchant sees it in the iframe).
 * Neither names the shop or anything of it.
 */
final class EmbeddedAnswers {

    /** Tells App Bridge to fetch a fresh session token and repeat the request. */
    static final String RETRY_HEADER = "X-Shopify-Retry-Invalid-Session-Request";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAnswers.class);

    private EmbeddedAnswers() {}

    /** 401 with the retry header: App Bridge repeats the request with a fresh token. */
    static void invalidSession(HttpServletResponse response, String reason) throws IOException {
        log.info("Rejected admin session token: {}", reason);
        response.setHeader(RETRY_HEADER, "1");
        problem(response, HttpStatus.UNAUTHORIZED, "invalid session token");
    }

    /** 403 without retry: the shop is not installed and no fresh token would change that. */
    static void notInstalled(HttpServletResponse response, String shop) throws IOException {
        log.info("Rejected admin session token: shop {} is not installed", shop);
        problem(response, HttpStatus.FORBIDDEN, "this shop has not installed the app");
    }

    /** 502 or 503: the install could not happen now; a later load may work. */
    static void installFailed(HttpServletRequest request, HttpServletResponse response, HttpStatus status)
            throws IOException {
        String detail = status == HttpStatus.BAD_GATEWAY
                ? "Shopify could not be reached; try again"
                : "The app cannot be installed right now; try again later";
        if (EmbeddedSessionFilter.hasBearer(request)) {
            problem(response, status, detail);
            return;
        }
        response.setStatus(status.value());
        response.setHeader("Content-Security-Policy", AdminPolicy.standalone());
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getWriter().write("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Loyalty Loop</title></head>
            <body><main><h1>Loyalty Loop could not start</h1><p>%s.</p></main></body></html>
            """.formatted(detail));
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setHeader("Content-Security-Policy", AdminPolicy.standalone());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                        .formatted(status.getReasonPhrase(), status.value(), detail));
    }
}
