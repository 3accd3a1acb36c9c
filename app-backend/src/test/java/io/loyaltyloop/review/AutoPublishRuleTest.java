package io.loyaltyloop.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AutoPublishRuleTest {

    private final ReviewSettings settings = new ReviewSettings(true, 4, List.of("scam", "Rip Off"), 50, 5);

    @Test
    void publishesAtTheMinimumRatingAndAbove() {
        assertThat(AutoPublishRule.publishesAtOnce(settings, 4, null, "Lovely")).isTrue();
        assertThat(AutoPublishRule.publishesAtOnce(settings, 5, "Great", "Lovely"))
                .isTrue();
        assertThat(AutoPublishRule.publishesAtOnce(settings, 3, null, "Lovely")).isFalse();
    }

    @Test
    void holdsBackABlockedWordInAnyCaseInTitleOrBody() {
        assertThat(AutoPublishRule.publishesAtOnce(settings, 5, null, "What a SCAM!"))
                .isFalse();
        assertThat(AutoPublishRule.publishesAtOnce(settings, 5, "Scam", "fine")).isFalse();
        assertThat(AutoPublishRule.publishesAtOnce(settings, 5, null, "a real rip   off, sadly"))
                .isFalse();
    }

    @Test
    void matchesWholeWordsOnly() {
        assertThat(AutoPublishRule.publishesAtOnce(settings, 5, null, "Best scampi I ever had"))
                .isTrue();
        assertThat(AutoPublishRule.publishesAtOnce(settings, 5, null, "ripoff? no, ripe offers"))
                .isTrue();
    }

    @Test
    void publishesNothingAtOnceWhenTheShopModeratesEverything() {
        ReviewSettings manual = new ReviewSettings(false, 1, List.of(), 50, 5);

        assertThat(AutoPublishRule.publishesAtOnce(manual, 5, null, "Lovely")).isFalse();
    }
}
