package io.loyaltyloop.admin.emails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.journey.StepKind;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

class EmailKindsTest {

    @Test
    void everyKindHasANameATriggerAndASlugThatLeadsBackToIt() {
        for (StepKind kind : StepKind.values()) {
            assertThat(EmailKinds.name(kind)).isNotBlank();
            assertThat(EmailKinds.trigger(kind)).endsWith(".");
            assertThat(EmailKinds.fromSlug(EmailKinds.slug(kind))).isEqualTo(kind);
        }
        assertThat(EmailKinds.slug(StepKind.REVIEW_REQUEST)).isEqualTo("review-request");
    }

    @Test
    void aSlugOfAnotherShapeIsMalformedAndAWellFormedUnknownOneIsNotFound() {
        for (String malformed : new String[] {"REVIEW_REQUEST", "review_request", "", "-x", "a".repeat(41), "r%20"}) {
            assertThatThrownBy(() -> EmailKinds.fromSlug(malformed))
                    .as(malformed)
                    .isInstanceOf(BadEmailRequestException.class);
        }
        assertThatThrownBy(() -> EmailKinds.fromSlug("no-such-email")).isInstanceOf(ResponseStatusException.class);
    }
}
