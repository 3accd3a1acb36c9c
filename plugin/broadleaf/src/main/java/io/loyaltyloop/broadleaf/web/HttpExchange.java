package io.loyaltyloop.broadleaf.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.codehaus.jackson.map.ObjectMapper;
import org.codehaus.jackson.node.ObjectNode;

/** Reading bounded request bodies and writing JSON and {@code application/problem+json} answers. */
final class HttpExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    private HttpExchange() {}

    /** The body's bytes, or null when it is longer than {@code max}. */
    static byte[] body(HttpServletRequest request, int max) throws IOException {
        if (request.getContentLength() > max) {
            return null;
        }
        return readAll(request.getInputStream(), max);
    }

    /** All of {@code in}'s bytes (closing it), or null when there are more than {@code max}. */
    static byte[] readAll(InputStream in, int max) throws IOException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                if (out.size() > max) {
                    return null;
                }
            }
            return out.toByteArray();
        } finally {
            in.close();
        }
    }

    static void json(HttpServletResponse response, int status, ObjectNode body) throws IOException {
        write(response, status, "application/json", body);
    }

    /** A problem answer; {@code detail} may be null (unsigned requests get none). */
    static void problem(HttpServletResponse response, int status, String code, String detail) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", status);
        body.put("code", code);
        if (detail != null) {
            body.put("detail", detail);
        }
        write(response, status, "application/problem+json", body);
    }

    private static void write(HttpServletResponse response, int status, String contentType, ObjectNode body)
            throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
