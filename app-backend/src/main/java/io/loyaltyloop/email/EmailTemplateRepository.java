package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.EMAIL_TEMPLATE;

import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** A shop's overrides of the shipped templates and its per-kind on/off switches. */
@Repository
class EmailTemplateRepository {

    /** A shop's row for a kind: null parts mean the shipped default. */
    record ShopTemplate(boolean enabled, String subject, String html, String text) {

        TemplateParts over(TemplateParts defaults) {
            return new TemplateParts(
                    subject == null ? defaults.subject() : subject,
                    html == null ? defaults.html() : html,
                    text == null ? defaults.text() : text);
        }

        boolean overrides() {
            return subject != null || html != null || text != null;
        }
    }

    /** A shop's row with when it last changed (template or switch). */
    record StoredTemplate(StepKind kind, ShopTemplate template, Instant updatedAt) {}

    private final DSLContext dsl;

    EmailTemplateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<ShopTemplate> find(ShopId shop, StepKind kind) {
        return dsl.select(
                        EMAIL_TEMPLATE.ENABLED,
                        EMAIL_TEMPLATE.SUBJECT,
                        EMAIL_TEMPLATE.HTML_BODY,
                        EMAIL_TEMPLATE.TEXT_BODY)
                .from(EMAIL_TEMPLATE)
                .where(EMAIL_TEMPLATE.SHOP_ID.eq(shop.value()))
                .and(EMAIL_TEMPLATE.KIND.eq(kind.name()))
                .fetchOptional(r -> new ShopTemplate(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Every row the shop has, by kind; kinds it never touched have none. */
    Map<StepKind, StoredTemplate> all(ShopId shop) {
        Map<StepKind, StoredTemplate> rows = new EnumMap<>(StepKind.class);
        dsl.select(
                        EMAIL_TEMPLATE.KIND,
                        EMAIL_TEMPLATE.ENABLED,
                        EMAIL_TEMPLATE.SUBJECT,
                        EMAIL_TEMPLATE.HTML_BODY,
                        EMAIL_TEMPLATE.TEXT_BODY,
                        EMAIL_TEMPLATE.UPDATED_AT)
                .from(EMAIL_TEMPLATE)
                .where(EMAIL_TEMPLATE.SHOP_ID.eq(shop.value()))
                .forEach(r -> kindNamed(r.value1())
                        .ifPresent(kind -> rows.put(
                                kind,
                                new StoredTemplate(
                                        kind,
                                        new ShopTemplate(r.value2(), r.value3(), r.value4(), r.value5()),
                                        r.value6().toInstant()))));
        return rows;
    }

    /** A kind that was removed from the code since leaves its rows behind: they are ignored. */
    private static Optional<StepKind> kindNamed(String name) {
        try {
            return Optional.of(StepKind.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    void saveParts(ShopId shop, StepKind kind, TemplateParts parts, Instant now) {
        dsl.insertInto(EMAIL_TEMPLATE)
                .set(EMAIL_TEMPLATE.SHOP_ID, shop.value())
                .set(EMAIL_TEMPLATE.KIND, kind.name())
                .set(EMAIL_TEMPLATE.SUBJECT, parts.subject())
                .set(EMAIL_TEMPLATE.HTML_BODY, parts.html())
                .set(EMAIL_TEMPLATE.TEXT_BODY, parts.text())
                .set(EMAIL_TEMPLATE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(EMAIL_TEMPLATE.SHOP_ID, EMAIL_TEMPLATE.KIND)
                .doUpdate()
                .set(EMAIL_TEMPLATE.SUBJECT, parts.subject())
                .set(EMAIL_TEMPLATE.HTML_BODY, parts.html())
                .set(EMAIL_TEMPLATE.TEXT_BODY, parts.text())
                .set(EMAIL_TEMPLATE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }

    void setEnabled(ShopId shop, StepKind kind, boolean enabled, Instant now) {
        dsl.insertInto(EMAIL_TEMPLATE)
                .set(EMAIL_TEMPLATE.SHOP_ID, shop.value())
                .set(EMAIL_TEMPLATE.KIND, kind.name())
                .set(EMAIL_TEMPLATE.ENABLED, enabled)
                .set(EMAIL_TEMPLATE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .onConflict(EMAIL_TEMPLATE.SHOP_ID, EMAIL_TEMPLATE.KIND)
                .doUpdate()
                .set(EMAIL_TEMPLATE.ENABLED, enabled)
                .set(EMAIL_TEMPLATE.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .execute();
    }
}
