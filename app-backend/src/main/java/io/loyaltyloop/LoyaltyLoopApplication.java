package io.loyaltyloop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Loyalty Loop backend. */
@SpringBootApplication
public class LoyaltyLoopApplication {

    public static void main(String[] args) {
        SpringApplication.run(LoyaltyLoopApplication.class, args);
    }
}
