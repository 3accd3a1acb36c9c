package io.loyaltyloop.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the {@code DATABASE_URL} convention of Heroku and other twelve-factor platforms, {@code
 * postgres://user:password@host:port/database?sslmode=require}, and also accepts a plain {@code
 * jdbc:postgresql://} URL there.
 */
final class DatabaseUrl {

    static final String VARIABLE = "DATABASE_URL";
    static final String EXPECTED =
            "Expected postgres://user:password@host:port/database or jdbc:postgresql://host:port/database";
    private static final int DEFAULT_PORT = 5432;

    private DatabaseUrl() {}

    /** @throws IllegalArgumentException naming what is wrong, without repeating any credentials */
    static JdbcTarget parse(String databaseUrl) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            throw invalid("it is empty");
        }
        String url = databaseUrl.strip();
        if (url.startsWith("jdbc:")) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw invalid("only PostgreSQL is supported, and this JDBC URL is not jdbc:postgresql:");
            }
            return new JdbcTarget(url, null, null);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            // The message of URISyntaxException repeats the input, password included: leave it out.
            throw invalid("it is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("postgres") || scheme.equals("postgresql"))) {
            throw invalid("its scheme must be postgres:// or postgresql://, not "
                    + (scheme == null ? "missing" : scheme + "://"));
        }
        if (uri.getHost() == null) {
            throw invalid("it names no host");
        }
        String database = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if (database.isEmpty() || database.contains("/")) {
            throw invalid("it must name exactly one database, as in postgres://host:5432/loyalty");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());

        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return new JdbcTarget(jdbcUrl, null, null);
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        return new JdbcTarget(jdbcUrl, user.isEmpty() ? null : user, password);
    }

    /** Percent-decoding as in URLs: unlike form encoding, a '+' stays a '+'. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("its user or password has a malformed %-escape");
        }
    }

    private static InvalidDatabaseUrlException invalid(String problem) {
        return new InvalidDatabaseUrlException(
                VARIABLE + " is not a usable PostgreSQL URL: " + problem + ". " + EXPECTED);
    }
}
