package io.loyaltyloop.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * What the demo was asked for on its command line. Options of its own are checked here, each with a
 * message that says what is accepted; Spring properties ({@code --server.port=9090}, anything with a
 * dot) are handed to the backend unchanged.
 *
 * @param seed the order simulator's seed: the same seed gives the same customers and orders
 * @param simulator false with {@code --no-simulator}: the store is installed, no orders are placed
 * @param orders how many orders the simulator places in all
 * @param acceleration demo seconds per real second
 * @param springArguments the arguments for the backend
 */
public record DemoOptions(long seed, boolean simulator, int orders, long acceleration, List<String> springArguments) {

    public static final long DEFAULT_SEED = 7;
    public static final int DEFAULT_ORDERS = 150;
    /** One real second is two demo hours: a 14-day return window closes in under three minutes. */
    public static final long DEFAULT_ACCELERATION = 7_200;

    public static final String USAGE = "Usage: demo [--seed=<number>] [--orders=<1-10000>]"
            + " [--acceleration=<1-100000 demo seconds per real second>] [--no-simulator] [--spring.property=value]";

    public DemoOptions {
        springArguments = List.copyOf(springArguments);
    }

    /** Reads the command line; throws with a message for the user on anything it does not accept. */
    public static DemoOptions parse(String... args) {
        long seed = DEFAULT_SEED;
        boolean simulator = true;
        int orders = DEFAULT_ORDERS;
        long acceleration = DEFAULT_ACCELERATION;
        List<String> spring = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--no-simulator")) {
                simulator = false;
            } else if (arg.startsWith("--seed=")) {
                seed = number("--seed", value(arg), Long.MIN_VALUE, Long.MAX_VALUE);
            } else if (arg.startsWith("--orders=")) {
                orders = (int) number("--orders", value(arg), 1, 10_000);
            } else if (arg.startsWith("--acceleration=")) {
                acceleration = number("--acceleration", value(arg), 1, 100_000);
            } else if (arg.startsWith("--") && arg.contains(".") && arg.indexOf('=') > arg.indexOf('.')) {
                spring.add(arg);
            } else {
                throw new InvalidDemoOptionException("Unknown argument '" + arg + "'. " + USAGE);
            }
        }
        return new DemoOptions(seed, simulator, orders, acceleration, spring);
    }

    private static String value(String arg) {
        return arg.substring(arg.indexOf('=') + 1);
    }

    private static long number(String option, String value, long min, long max) {
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidDemoOptionException(
                    option + " must be a whole number between " + min + " and " + max + ", not '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new InvalidDemoOptionException(
                    option + " must be between " + min + " and " + max + ", not " + parsed);
        }
        return parsed;
    }

    /** A command-line argument the demo does not accept; the message is meant for the user. */
    public static final class InvalidDemoOptionException extends IllegalArgumentException {
        InvalidDemoOptionException(String message) {
            super(message);
        }
    }
}
