package io.loyaltyloop.survey;

import java.time.Instant;

/** A customer's answer to an order's survey; the comment is null when none was given or it was redacted. */
public record SurveyResponse(long orderId, SurveyType type, int score, String comment, Instant respondedAt) {}
