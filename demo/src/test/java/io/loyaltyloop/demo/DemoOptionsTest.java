package io.loyaltyloop.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The demo's command line: what it accepts, and the message a newcomer gets for what it does not. */
class DemoOptionsTest {

    @Test
    void noArgumentsGiveTheDefaults() {
        DemoOptions options = DemoOptions.parse();

        assertThat(options.seed()).isEqualTo(DemoOptions.DEFAULT_SEED);
        assertThat(options.simulator()).isTrue();
        assertThat(options.orders()).isEqualTo(DemoOptions.DEFAULT_ORDERS);
        assertThat(options.acceleration()).isEqualTo(DemoOptions.DEFAULT_ACCELERATION);
        assertThat(options.springArguments()).isEmpty();
    }

    @Test
    void optionsAndSpringPropertiesAreRead() {
        DemoOptions options = DemoOptions.parse(
                "--seed=42", "--orders=20", "--acceleration=600", "--no-simulator", "--server.port=9090");

        assertThat(options.seed()).isEqualTo(42);
        assertThat(options.orders()).isEqualTo(20);
        assertThat(options.acceleration()).isEqualTo(600);
        assertThat(options.simulator()).isFalse();
        assertThat(options.springArguments()).containsExactly("--server.port=9090");
    }

    @Test
    void aSeedThatIsNotANumberIsRefusedWithAMessageSayingWhatIsAccepted() {
        assertThatThrownBy(() -> DemoOptions.parse("--seed=abc"))
                .isInstanceOf(DemoOptions.InvalidDemoOptionException.class)
                .hasMessageContaining("--seed must be a whole number")
                .hasMessageContaining("not 'abc'");
    }

    @Test
    void anOrderCountOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DemoOptions.parse("--orders=0"))
                .isInstanceOf(DemoOptions.InvalidDemoOptionException.class)
                .hasMessage("--orders must be between 1 and 10000, not 0");
        assertThatThrownBy(() -> DemoOptions.parse("--orders=10001"))
                .hasMessage("--orders must be between 1 and 10000, not 10001");
    }

    @Test
    void anAccelerationOutOfRangeOrNotANumberIsRefused() {
        assertThatThrownBy(() -> DemoOptions.parse("--acceleration=0"))
                .hasMessage("--acceleration must be between 1 and 100000, not 0");
        assertThatThrownBy(() -> DemoOptions.parse("--acceleration=fast"))
                .hasMessageContaining("--acceleration must be a whole number");
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> DemoOptions.parse("--simulator=off"))
                .isInstanceOf(DemoOptions.InvalidDemoOptionException.class)
                .hasMessageStartingWith("Unknown argument '--simulator=off'.")
                .hasMessageContaining(DemoOptions.USAGE);
        assertThatThrownBy(() -> DemoOptions.parse("seed=7")).hasMessageContaining("Unknown argument 'seed=7'");
    }
}
