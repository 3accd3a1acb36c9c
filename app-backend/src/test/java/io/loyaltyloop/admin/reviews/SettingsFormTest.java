package io.loyaltyloop.admin.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.admin.reviews.ReviewModeration.Settings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review settings form and the moderation texts, checked field by field as typed. */
class SettingsFormTest {

    @Test
    void aValidFormBecomesTheSettingsWithOneBlockedWordPerLineOrComma() {
        SettingsForm form = SettingsForm.of(null, " 3 ", "scam\r\n, fake ,\n\nscam", "0", "1000");

        assertThat(form.valid()).isTrue();
        assertThat(form.settings()).isEqualTo(new Settings(false, 3, List.of("scam", "fake"), 0, 1000));
    }

    @Test
    void eachFieldOutOfBoundsHasItsOwnError() {
        SettingsForm form = SettingsForm.of("on", "6", "x".repeat(101), "100001", "-1");

        assertThat(form.errors()).containsOnlyKeys("minRating", "blockedWords", "incentivePoints", "monthlyCap");
    }

    @Test
    void theSettingsShownAreTheEnginesAsText() {
        SettingsForm form = SettingsForm.of(new Settings(true, 4, List.of("a", "b"), 50, 5));

        assertThat(form).isEqualTo(new SettingsForm(true, "4", "a\nb", "50", "5", java.util.Map.of()));
    }

    @Test
    void aReasonIsRequiredAndBounded() {
        assertThat(ModerationText.reasonProblem(" \r\n ")).contains("Give a reason");
        assertThat(ModerationText.reasonProblem("r".repeat(500))).isNull();
        assertThat(ModerationText.reasonProblem("r".repeat(501))).contains("500");
        assertThat(ModerationText.reasonProblem("bell\u0007")).contains("control characters");
    }

    @Test
    void aReplyMayBeEmptyAndCountsCharactersAsPeopleDo() {
        assertThat(ModerationText.replyProblem(null)).isNull();
        assertThat(ModerationText.replyProblem("")).isNull();
        assertThat(ModerationText.replyProblem("😀".repeat(5000))).isNull();
        assertThat(ModerationText.replyProblem("😀".repeat(5001))).contains("5000");
        assertThat(ModerationText.replyProblem("line one\nline two\tend")).isNull();
    }
}
