package io.loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmailPropertiesTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static EmailProperties withFrom(String from) {
        return new EmailProperties(
                from,
                true,
                4,
                Duration.ofSeconds(1),
                50,
                Duration.ofMinutes(5),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                16,
                Duration.ofDays(365));
    }

    @Test
    void theShippedDefaultFromAddressIsValid() {
        assertThat(VALIDATOR.validate(withFrom("loyalty@localhost"))).isEmpty();
    }

    @Test
    void refusesAFromThatIsNotAnAddress() {
        assertThat(VALIDATOR.validate(withFrom("not an address")))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("from"));
        assertThat(VALIDATOR.validate(withFrom(" "))).isNotEmpty();
    }

    @Test
    void backoffDoublesFromTheInitialWaitUpToTheCap() {
        EmailProperties p = withFrom("loyalty@localhost");

        assertThat(p.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.backoffAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.backoffAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(p.backoffAfter(100)).isEqualTo(Duration.ofHours(1));
    }
}
