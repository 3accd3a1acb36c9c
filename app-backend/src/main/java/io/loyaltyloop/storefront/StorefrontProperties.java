package io.loyaltyloop.storefront;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the storefront keeps each shop's program (settings, rule, tiers, rewards) in memory between
 * app proxy calls. Every call still compares the shop's {@code program_version} (bumped by the
 * database on every change), so a change shows on the next call whatever these say; the TTL only
 * bounds how long an entry can outlive a write that bypassed the triggers.
 *
 * @param programCacheTtl how long a shop's program is reused before it is read again in full
 * @param programCacheShops at most this many shops are kept; beyond it, entries are dropped
 */
@Validated
@ConfigurationProperties("loyalty.storefront")
record StorefrontProperties(
        @NotNull @DurationMin(millis = 0) @DurationMax(hours = 1) @DefaultValue("60s")
        Duration programCacheTtl,

        @Min(1) @Max(1_000_000) @DefaultValue("10000") int programCacheShops) {}
