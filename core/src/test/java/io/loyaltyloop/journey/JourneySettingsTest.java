package io.loyaltyloop.journey;

import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shop.ShopId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A shop's saved settings win over the deployment's defaults; out-of-range values are refused. */
class JourneySettingsTest {

    private final Journeys j = new Journeys();

    private static JourneySettings withReviewDelay(Duration delay) {
        JourneySettings d = JourneySettings.DEFAULTS;
        return new JourneySettings(
                delay,
                d.reviewFallbackDelay(),
                d.reminderDelay(),
                d.surveyDelay(),
                JourneySettings.SurveyKind.CSAT,
                d.expiryWarning(),
                d.lastChance(),
                d.stuckAfter(),
                false);
    }

    @Test
    void aPersonsChangeAndResetAreAuditedWithTheOldAndNewValues() {
        ShopId shop = j.newShop().id();
        assertThat(j.journeys.hasOwnSettings(shop)).isFalse();

        j.journeys.updateSettings(shop, withReviewDelay(Duration.ofDays(3)), "admin:o@x.test");
        assertThat(j.journeys.hasOwnSettings(shop)).isTrue();
        j.journeys.resetSettings(shop, "admin:o@x.test");

        assertThat(j.journeys.hasOwnSettings(shop)).isFalse();
        assertThat(j.dsl.select(AUDIT_LOG.ACTION, AUDIT_LOG.DETAILS)
                        .from(AUDIT_LOG)
                        .where(AUDIT_LOG.SHOP_ID.eq(shop.value()))
                        .orderBy(AUDIT_LOG.AUDIT_ID)
                        .fetch(r -> r.value1() + " " + r.value2().data()))
                .satisfiesExactly(
                        update -> assertThat(update)
                                .startsWith("program.journey.update")
                                .contains("PT72H", "PT168H"),
                        reset -> assertThat(reset).startsWith("program.journey.reset"));
    }

    @Test
    void aShopWithoutSavedSettingsGetsTheDefaultsAndSavedOnesUntilReset() {
        ShopId shop = j.newShop().id();
        assertThat(j.journeys.settings(shop)).isEqualTo(JourneySettings.DEFAULTS);

        JourneySettings saved = withReviewDelay(Duration.ofDays(3));
        j.journeys.updateSettings(shop, saved, "admin:o@x.test");
        assertThat(j.journeys.settings(shop)).isEqualTo(saved);

        j.journeys.resetSettings(shop, "admin:o@x.test");
        assertThat(j.journeys.settings(shop)).isEqualTo(JourneySettings.DEFAULTS);
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> withReviewDelay(Duration.ofDays(-1)))
                .isInstanceOf(InvalidJourneySettingsException.class)
                .hasMessageContaining("review delay");
    }

    @Test
    void aDelayOverAYearIsRefused() {
        assertThatThrownBy(() -> withReviewDelay(Duration.ofDays(366)))
                .isInstanceOf(InvalidJourneySettingsException.class);
    }

    @Test
    void aLastChanceBeforeTheFirstWarningIsRefused() {
        JourneySettings d = JourneySettings.DEFAULTS;
        assertThatThrownBy(() -> new JourneySettings(
                        d.reviewDelay(),
                        d.reviewFallbackDelay(),
                        d.reminderDelay(),
                        d.surveyDelay(),
                        d.surveyKind(),
                        Duration.ofDays(5),
                        Duration.ofDays(7),
                        d.stuckAfter(),
                        true))
                .isInstanceOf(InvalidJourneySettingsException.class)
                .hasMessageContaining("last chance");
    }

    @Test
    void aStuckThresholdUnderAnHourIsRefused() {
        JourneySettings d = JourneySettings.DEFAULTS;
        assertThatThrownBy(() -> new JourneySettings(
                        d.reviewDelay(),
                        d.reviewFallbackDelay(),
                        d.reminderDelay(),
                        d.surveyDelay(),
                        d.surveyKind(),
                        d.expiryWarning(),
                        d.lastChance(),
                        Duration.ofMinutes(59),
                        true))
                .isInstanceOf(InvalidJourneySettingsException.class);
    }
}
