package io.loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Recipients in the admin's delivery log: recognisable, not copyable. */
class RecipientMaskTest {

    @ParameterizedTest
    @CsvSource({
        "jane.doe@example.com, j***@example.com",
        "j@example.com, j***@example.com",
        "ümit@example.de, ü***@example.de",
        "\"a@b\"@example.com, \"***@example.com",
        "@example.com, ***",
        "nobody, ***",
        "nobody@, ***",
    })
    void showsTheFirstCharacterAndTheDomainOnly(String address, String shown) {
        assertThat(RecipientMask.of(address)).isEqualTo(shown);
    }
}
