package io.loyaltyloop.admin.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Audit actions in words, the audit filter's parameters, and ages: pure rules, no Spring. */
class ActionWordsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // recorded today
                "points.adjusted | Adjusted a customer's points",
                "customer.exported | Downloaded a customer's data",
                "settings.updated | Changed the program settings",
                "shop.contact_email.updated | Changed where alerts go",
                "review.approved | Approved a review",
                "review.settings.updated | Changed the review settings",
                "activity.retry_all | Retried all parked webhooks",
                // the families other screens are adding: generic words
                "program.earning_rule.update | Program: earning rule changed",
                "reward.create | Rewards: created",
                "tier.update | Tiers: changed",
                "review.approve | Reviews: approved",
                "review.bulk_approve | Reviews: approved in bulk",
                "email.template.save | Emails: template saved",
                "email.kind.disable | Emails: kind turned off",
                "email.test_send | Emails: test sent",
                "admin.account.create | Admin accounts: account created",
                "program.dry_run | Program: dry run",
                "review | Reviews",
                // an unknown family is shown as recorded
                "custom.thing | custom.thing",
                "loyalty | loyalty",
            })
    void anActionInWords(String action, String words) {
        assertThat(ActionWords.of(action)).isEqualTo(words);
    }

    @Test
    void everyFamilyOfTheFilterIsOneLowerCaseWord() {
        assertThat(ActionWords.FAMILIES).allSatisfy(f -> assertThat(f.key()).matches("[a-z]+"));
    }

    @Test
    void theFilterTakesBlankAsNoConditionAndRefusesWhatIsOutOfBounds() {
        assertThat(ActivityFilter.parse(" ", "", null, "")).isEqualTo(new ActivityFilter(null, null, null, null));
        assertThat(ActivityFilter.parse("review", " owner ", "7", "42"))
                .isEqualTo(new ActivityFilter("review", "owner", 7, 42L));
        assertThatThrownBy(() -> ActivityFilter.parse("reviews", null, null, null))
                .isInstanceOf(BadActivityRequestException.class);
        assertThatThrownBy(() -> ActivityFilter.parse(null, "a".repeat(201), null, null))
                .isInstanceOf(BadActivityRequestException.class);
        assertThatThrownBy(() -> ActivityFilter.parse(null, null, "366", null))
                .isInstanceOf(BadActivityRequestException.class);
        assertThatThrownBy(() -> ActivityFilter.parse(null, null, null, "0"))
                .isInstanceOf(BadActivityRequestException.class);
    }

    @Test
    void agesAreShownInTheirTwoLargestUnitsAndTimesInTheShopsZone() {
        Instant now = Instant.parse("2026-11-01T12:00:00Z");
        ShopTimes times = new ShopTimes(ZoneId.of("America/New_York"), now);

        assertThat(times.age(now.minusSeconds(45))).isEqualTo("45 s");
        assertThat(times.age(now.minusSeconds(12 * 60 + 5))).isEqualTo("12 min");
        assertThat(times.age(now.minusSeconds(3 * 3600 + 5 * 60))).isEqualTo("3 h 5 min");
        assertThat(times.age(now.minusSeconds(2 * 86400 + 4 * 3600))).isEqualTo("2 d 4 h");
        assertThat(times.age(now.plusSeconds(30))).isEqualTo("0 s");
        assertThat(times.at(now)).isEqualTo("2026-11-01 07:00 EST");
        assertThat(times.at(Instant.parse("2026-10-31T12:00:00Z"))).isEqualTo("2026-10-31 08:00 EDT");
    }
}
