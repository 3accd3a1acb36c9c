package io.loyaltyloop.email;

import io.loyaltyloop.system.RetryBackoff;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sending email (the SMTP server itself is {@code spring.mail.*}).
 *
 * @param from the From address of every email; the shop's name is its display name
 * @param senderEnabled whether this instance drains the outbox (every instance may; leases keep
 *     them apart)
 * @param senderThreads concurrent senders per instance: sending is mostly waiting (SMTP round
 *     trips, the synchronous SENDING commit), so a few threads multiply the rate
 * @param pollInterval how often the sender looks for due messages
 * @param batchSize messages leased and sent over one SMTP connection
 * @param lease how long a leased batch and a message being sent are held; longer than the SMTP
 *     timeouts, so a live sender never loses its message to another
 * @param initialBackoff the wait after the first failed attempt; doubled after each further one
 * @param maxBackoff the longest wait between attempts
 * @param maxAttempts attempts before a message is given up (FAILED)
 * @param unsubscribeLinkValidity how long the unsubscribe link in an email keeps working
 */
@Validated
@ConfigurationProperties("loyalty.email")
public record EmailProperties(
        @NotBlank @Email String from,
        boolean senderEnabled,
        @Min(1) @Max(64) int senderThreads,
        @NotNull Duration pollInterval,
        @Min(1) @Max(1000) int batchSize,
        @NotNull Duration lease,
        @NotNull Duration initialBackoff,
        @NotNull Duration maxBackoff,
        @Min(1) @Max(100) int maxAttempts,
        @NotNull Duration unsubscribeLinkValidity) {

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoffAfter(int attempts) {
        return new RetryBackoff(initialBackoff, maxBackoff).after(attempts);
    }
}
