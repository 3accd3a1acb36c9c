package io.loyaltyloop.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.journey.StepKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KindVariablesTest {

    @Test
    void everyVariableListedForAKindHasASampleValue() {
        for (StepKind kind : StepKind.values()) {
            Map<String, String> variables = KindVariables.of(kind);
            assertThat(variables).as(kind.name()).containsKey("shop.name");
            assertThat(variables.values())
                    .as(kind.name())
                    .allSatisfy(v -> assertThat(v).isNotBlank());
        }
        assertThat(KindVariables.of(StepKind.REVIEW_REQUEST))
                .containsEntry("items[].review_url", "https://example.com/r/1")
                .containsEntry("order.name", "#1001");
        assertThat(KindVariables.of(StepKind.SHIPMENT_STUCK_ALERT)).doesNotContainKey("unsubscribe_url");
    }

    @Test
    void problemsAreSortedByThePartTheyName() {
        assertThat(AdminEmailTemplates.byPart(List.of(
                        "subject: must be one line", "html: syntax error at line 2, column 3: x", "something else")))
                .containsExactly(
                        Map.entry("subject", List.of("must be one line")),
                        Map.entry("html", List.of("syntax error at line 2, column 3: x", "something else")));
    }
}
