package io.loyaltyloop.system;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where to connect: a JDBC URL and, when the URL does not carry them, the credentials.
 *
 * @param username null when the URL names the user itself
 * @param password null when there is none or the URL carries it
 */
record JdbcTarget(String jdbcUrl, String username, String password) {

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    JdbcTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    }

    /** For logs: never the password, even when it is a parameter of the URL. */
    String describe() {
        String url = redact(jdbcUrl);
        return username == null ? url : url + " as " + username;
    }

    static String redact(String jdbcUrl) {
        return PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1****");
    }

    @Override
    public String toString() {
        return describe();
    }
}
