package io.loyaltyloop.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * An operator command's password: from {@code LOYALTY_ADMIN_PASSWORD} or the first line of stdin,
 * never from the command line, which {@code ps} shows to everyone on the machine.
 */
public final class OperatorPassword {

    public static final String VARIABLE = "LOYALTY_ADMIN_PASSWORD";

    private OperatorPassword() {}

    public static String read() throws IOException {
        String fromEnvironment = System.getenv(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        // Not closed: it is the process's stdin.
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = stdin.readLine();
        return line == null ? "" : line;
    }
}
