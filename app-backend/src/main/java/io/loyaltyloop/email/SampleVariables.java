package io.loyaltyloop.email;

import io.loyaltyloop.journey.StepKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Example values of every variable the shipped templates use, for validating and previewing a
 * merchant's template. The list of variables per kind is in {@code docs/emails.md}.
 */
final class SampleVariables {

    private SampleVariables() {}

    static Map<String, Object> forKind(StepKind kind) {
        String link = "https://example.com/";
        return Map.of(
                "customer", Map.of("first_name", "Ada", "name", "Ada Lovelace"),
                "order",
                        Map.of(
                                "name",
                                "#1001",
                                "total",
                                new BigDecimal("84.90"),
                                "placed_at",
                                Instant.parse("2026-11-01T10:15:00Z")),
                "points",
                        Map.of(
                                "earned", 85,
                                "pending", true,
                                "balance", 420,
                                "per_review", 50,
                                "expiring", 300,
                                "expires_at", Instant.parse("2026-12-01T00:00:00Z")),
                "tracking", Map.of("company", "UPS", "number", "1Z999AA10123456784", "url", link + "track"),
                "items",
                        List.of(
                                Map.of("title", "Linen shirt", "review_url", link + "r/1"),
                                Map.of("title", "Canvas tote", "review_url", link + "r/2")),
                "survey",
                        Map.of(
                                "question", "How likely are you to recommend us to a friend?",
                                "low_label", "Not likely",
                                "high_label", "Very likely",
                                "choices",
                                        List.of(
                                                Map.of("score", 0, "label", "0 – not likely", "url", link + "s/0"),
                                                Map.of(
                                                        "score",
                                                        10,
                                                        "label",
                                                        "10 – very likely",
                                                        "url",
                                                        link + "s/10"))),
                "reward", Map.of("name", "€10 off your next order", "points_cost", 1000),
                "account_url", link + "account",
                "days_without_movement", 5,
                "kind", kind.name());
    }
}
