package io.loyaltyloop.shop;

import static io.loyaltyloop.db.Tables.EARNING_RULE;
import static io.loyaltyloop.db.Tables.PROGRAM_SETTINGS;
import static io.loyaltyloop.db.Tables.REWARD;
import static io.loyaltyloop.db.Tables.SHOP;
import static io.loyaltyloop.db.Tables.TIER;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.excluded;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

class ShopRepository {

    static final String ACTIVE = "ACTIVE";
    static final String UNINSTALLED = "UNINSTALLED";

    private final DSLContext dsl;

    ShopRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Installed shops only: an uninstalled shop's data is kept, but nothing works on it. */
    List<ShopId> activeIds() {
        return dsl.select(SHOP.SHOP_ID)
                .from(SHOP)
                .where(SHOP.STATUS.eq(ACTIVE))
                .orderBy(SHOP.SHOP_ID)
                .fetch(r -> new ShopId(r.value1()));
    }

    Optional<Shop> find(ShopId id) {
        return dsl.selectFrom(SHOP)
                .where(SHOP.SHOP_ID.eq(id.value()))
                .fetchOptional()
                .map(ShopRows::toShop);
    }

    Optional<Shop> find(Platform platform, String platformShopKey) {
        return dsl.selectFrom(SHOP)
                .where(SHOP.PLATFORM.eq(platform.name()))
                .and(SHOP.PLATFORM_SHOP_KEY.eq(platformShopKey))
                .fetchOptional()
                .map(ShopRows::toShop);
    }

    /**
     * Inserts the shop unless one with the same platform key exists; returns its id either way. A
     * reinstall (the existing row is uninstalled or redacted) makes it active again under its new
     * name; an active shop is left as it is.
     */
    ShopId insertIfAbsent(NewShop shop, java.time.Instant installedAt) {
        dsl.insertInto(SHOP)
                .set(SHOP.PLATFORM, shop.platform().name())
                .set(SHOP.PLATFORM_SHOP_KEY, shop.platformShopKey())
                .set(SHOP.NAME, shop.name())
                .set(SHOP.CURRENCY, shop.currencyValue().getCurrencyCode())
                .set(SHOP.TIMEZONE, shop.zoneValue().getId())
                .set(SHOP.CONTACT_EMAIL, shop.contactEmail())
                .set(SHOP.INSTALLED_AT, installedAt.atOffset(java.time.ZoneOffset.UTC))
                .onConflict(SHOP.PLATFORM, SHOP.PLATFORM_SHOP_KEY)
                .doUpdate()
                .set(SHOP.STATUS, ACTIVE)
                .set(SHOP.UNINSTALLED_AT, (java.time.OffsetDateTime) null)
                .set(SHOP.NAME, shop.name())
                // A reinstall brings the host's current address; without one, the one on file stays.
                .set(SHOP.CONTACT_EMAIL, coalesce(excluded(SHOP.CONTACT_EMAIL), SHOP.CONTACT_EMAIL))
                .where(SHOP.STATUS.ne(ACTIVE))
                .execute();
        return new ShopId(dsl.select(SHOP.SHOP_ID)
                .from(SHOP)
                .where(SHOP.PLATFORM.eq(shop.platform().name()))
                .and(SHOP.PLATFORM_SHOP_KEY.eq(shop.platformShopKey()))
                .fetchSingle(SHOP.SHOP_ID));
    }

    /** Marks the shop uninstalled; a repeat keeps the first time. Returns whether it changed. */
    boolean markUninstalled(ShopId shop, java.time.Instant at) {
        return dsl.update(SHOP)
                        .set(SHOP.STATUS, UNINSTALLED)
                        .set(SHOP.UNINSTALLED_AT, at.atOffset(java.time.ZoneOffset.UTC))
                        .where(SHOP.SHOP_ID.eq(shop.value()))
                        .and(SHOP.STATUS.eq(ACTIVE))
                        .execute()
                > 0;
    }

    boolean hasProgram(ShopId shop) {
        return dsl.fetchExists(PROGRAM_SETTINGS, PROGRAM_SETTINGS.SHOP_ID.eq(shop.value()));
    }

    /**
     * Creates a new shop's program with the product defaults: settings, 1 point per currency unit,
     * Bronze / Silver / Gold tiers and three starter rewards.
     */
    void insertDefaultProgram(ShopId shop) {
        ProgramSettings d = ProgramSettings.DEFAULTS;
        dsl.insertInto(PROGRAM_SETTINGS)
                .set(PROGRAM_SETTINGS.SHOP_ID, shop.value())
                .set(PROGRAM_SETTINGS.PENDING_DAYS, d.pendingDays())
                .set(PROGRAM_SETTINGS.ALLOW_NEGATIVE_BALANCE, d.allowNegativeBalance())
                .set(PROGRAM_SETTINGS.EXPIRY_INACTIVITY_MONTHS, d.expiryInactivityMonths())
                .set(PROGRAM_SETTINGS.TIER_WINDOW_MONTHS, d.tierWindowMonths())
                .set(PROGRAM_SETTINGS.AWARD_PRIOR_ORDERS, d.awardPriorOrders())
                .execute();
        dsl.insertInto(EARNING_RULE, EARNING_RULE.SHOP_ID, EARNING_RULE.POINTS_PER_UNIT, EARNING_RULE.ROUNDING)
                .values(shop.value(), BigDecimal.ONE, "DOWN")
                .execute();
        dsl.insertInto(TIER, TIER.SHOP_ID, TIER.NAME, TIER.MIN_SPEND, TIER.EARN_MULTIPLIER)
                .values(shop.value(), "Bronze", new BigDecimal("0"), new BigDecimal("1.00"))
                .values(shop.value(), "Silver", new BigDecimal("500"), new BigDecimal("1.25"))
                .values(shop.value(), "Gold", new BigDecimal("1500"), new BigDecimal("1.50"))
                .execute();
        dsl.insertInto(REWARD, REWARD.SHOP_ID, REWARD.NAME, REWARD.KIND, REWARD.DISCOUNT_VALUE, REWARD.POINTS_COST)
                .values(shop.value(), "5 off", "FIXED_AMOUNT", new BigDecimal("5"), 500L)
                .values(shop.value(), "10% off", "PERCENTAGE", new BigDecimal("10"), 1000L)
                .values(shop.value(), "Free shipping", "FREE_SHIPPING", null, 300L)
                .execute();
    }

    Optional<ProgramSettings> settings(ShopId shop) {
        return dsl.selectFrom(PROGRAM_SETTINGS)
                .where(PROGRAM_SETTINGS.SHOP_ID.eq(shop.value()))
                .fetchOptional()
                .map(ShopRows::toSettings);
    }

    void updateSettings(ShopId shop, ProgramSettings s) {
        dsl.update(PROGRAM_SETTINGS)
                .set(PROGRAM_SETTINGS.PENDING_DAYS, s.pendingDays())
                .set(PROGRAM_SETTINGS.ALLOW_NEGATIVE_BALANCE, s.allowNegativeBalance())
                .set(PROGRAM_SETTINGS.EXPIRY_INACTIVITY_MONTHS, s.expiryInactivityMonths())
                .set(PROGRAM_SETTINGS.TIER_WINDOW_MONTHS, s.tierWindowMonths())
                .set(PROGRAM_SETTINGS.AWARD_PRIOR_ORDERS, s.awardPriorOrders())
                .set(PROGRAM_SETTINGS.UPDATED_AT, java.time.OffsetDateTime.now())
                .where(PROGRAM_SETTINGS.SHOP_ID.eq(shop.value()))
                .execute();
    }

    /** Empty when the shop has no address or does not exist. */
    Optional<String> contactEmail(ShopId shop) {
        return dsl.select(SHOP.CONTACT_EMAIL)
                .from(SHOP)
                .where(SHOP.SHOP_ID.eq(shop.value()))
                .fetchOptional(SHOP.CONTACT_EMAIL);
    }

    /** Returns whether the shop exists. */
    boolean updateContactEmail(ShopId shop, String email) {
        return dsl.update(SHOP)
                        .set(SHOP.CONTACT_EMAIL, email)
                        .where(SHOP.SHOP_ID.eq(shop.value()))
                        .execute()
                == 1;
    }
}
