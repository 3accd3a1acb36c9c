package io.loyaltyloop.broadleaf.wire;

import org.springframework.http.HttpStatus;

/**
 * A {@code /broadleaf/v1/**} request refused. The caller sees the status and the {@code code}; the
 * detail is for the log only when the status is 401, so a forger learns nothing from it.
 */
public class WireRejection extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Integer eventIndex;

    public WireRejection(HttpStatus status, String code, String detail) {
        this(status, code, detail, null);
    }

    public WireRejection(HttpStatus status, String code, String detail, Integer eventIndex) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.eventIndex = eventIndex;
    }

    static WireRejection unsigned(String reason) {
        return new WireRejection(HttpStatus.UNAUTHORIZED, "unsigned", reason);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** The event a {@code bad-batch} is about, or null. */
    public Integer eventIndex() {
        return eventIndex;
    }
}
