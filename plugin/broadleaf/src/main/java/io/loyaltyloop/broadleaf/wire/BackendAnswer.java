package io.loyaltyloop.broadleaf.wire;

import java.nio.charset.StandardCharsets;

/** What the backend answered: status, content type and the body bytes. */
public final class BackendAnswer {

    private final int status;
    private final String contentType;
    private final byte[] body;

    public BackendAnswer(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    public int status() {
        return status;
    }

    /** May be null when the backend sent none. */
    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body;
    }

    /** The body as text, cut to {@code max} characters, for logs and the attempt log. */
    public String bodyText(int max) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= max ? text : text.substring(0, max);
    }
}
