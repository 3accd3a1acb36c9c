package io.loyaltyloop;

import io.loyaltyloop.system.OperatorCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Loyalty Loop backend. Without arguments (or with only {@code --key=value} options) it runs the
 * server; with a command, such as {@code ledger verify}, it runs that operator command and exits.
 */
@SpringBootApplication
public class LoyaltyLoopApplication {

    public static void main(String[] args) {
        if (OperatorCommands.isCommand(args)) {
            System.exit(OperatorCommands.run(LoyaltyLoopApplication.class, args));
        }
        SpringApplication.run(LoyaltyLoopApplication.class, args);
    }
}
