package io.loyaltyloop.shopify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The inbox settings as bound from the environment; @DurationMin is checked by the validator. */
class InboxPropertiesTest {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void keepsDoneDeliveriesForAWeekByDefault() {
        InboxProperties properties = bind(Map.of());

        assertThat(properties.retention()).isEqualTo(Duration.ofDays(7));
        assertThat(VALIDATOR.validate(properties)).isEmpty();
    }

    @Test
    void refusesARetentionShorterThanShopifysRetries() {
        InboxProperties properties = bind(Map.of("loyalty.shopify.inbox.retention", "2h"));

        assertThat(VALIDATOR.validate(properties))
                .singleElement()
                .satisfies(v -> assertThat(v.getPropertyPath().toString()).isEqualTo("retention"));
    }

    private static InboxProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("loyalty.shopify.inbox", InboxProperties.class);
    }
}
