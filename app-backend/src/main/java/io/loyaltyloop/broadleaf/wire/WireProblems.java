package io.loyaltyloop.broadleaf.wire;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How every {@code /broadleaf/v1/**} refusal answers: {@code application/problem+json} with a
 * {@code code} member (and the same {@code type} as {@code /proxy/*} problems). A 401 carries no
 * detail — the reason goes to the log — so a forger learns nothing.
 */
@RestControllerAdvice(basePackages = "io.loyaltyloop.broadleaf")
public class WireProblems {

    /** As the storefront's problems ({@code ProxyResponses.PROBLEM_BASE}). */
    public static final String PROBLEM_BASE = "https://loyaltyloop.io/problems/";

    private static final Logger log = LoggerFactory.getLogger(WireProblems.class);

    @ExceptionHandler(WireRejection.class)
    ResponseEntity<ProblemDetail> rejected(WireRejection rejection, HttpServletRequest request) {
        log.warn(
                "Refused Broadleaf request {} {} from site {}: {} {}",
                request.getMethod(),
                request.getRequestURI(),
                printable(request.getHeader(WireHeaders.SITE)),
                rejection.status().value(),
                rejection.getMessage());
        boolean unsigned = rejection.status() == HttpStatus.UNAUTHORIZED;
        ProblemDetail problem = unsigned
                ? ProblemDetail.forStatus(rejection.status())
                : ProblemDetail.forStatusAndDetail(rejection.status(), rejection.getMessage());
        problem.setType(URI.create(PROBLEM_BASE + rejection.code()));
        problem.setProperty("code", rejection.code());
        if (rejection.eventIndex() != null) {
            problem.setProperty("eventIndex", rejection.eventIndex());
        }
        return ResponseEntity.status(rejection.status())
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Header values in log lines: no line breaks or control characters, bounded length. */
    static String printable(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.replaceAll("[^\\x20-\\x7e]", "?");
        return cleaned.length() > 100 ? cleaned.substring(0, 100) + "…" : cleaned;
    }
}
