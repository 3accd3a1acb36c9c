package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.EARNING_EXCLUSION;
import static io.loyaltyloop.db.Tables.EARNING_RULE;

import io.loyaltyloop.lifecycle.OrderLine;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.util.function.Predicate;
import org.jooq.DSLContext;

/** Reads the parts of a shop's program that decide what earns. */
class ProgramRepository {

    private final DSLContext dsl;

    ProgramRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    EarningTerms activeRule(ShopId shop, BigDecimal multiplier) {
        return dsl.select(EARNING_RULE.POINTS_PER_UNIT, EARNING_RULE.ROUNDING)
                .from(EARNING_RULE)
                .where(EARNING_RULE.SHOP_ID.eq(shop.value()))
                .and(EARNING_RULE.ACTIVE.isTrue())
                .fetchOptional(r -> new EarningTerms(r.value1(), Rounding.valueOf(r.value2()), multiplier))
                .orElseThrow(() -> new IllegalStateException(shop + " has no active earning rule"));
    }

    /** Which lines earn: never gift cards, never lines matching one of the shop's exclusions. */
    Predicate<OrderLine> eligibility(ShopId shop) {
        var exclusions = dsl.select(EARNING_EXCLUSION.MATCH_FIELD, EARNING_EXCLUSION.MATCH_VALUE)
                .from(EARNING_EXCLUSION)
                .where(EARNING_EXCLUSION.SHOP_ID.eq(shop.value()))
                .fetch();
        return line -> !line.giftCard()
                && exclusions.stream().noneMatch(e -> e.value2().equals(fieldOf(line, e.value1())));
    }

    private static String fieldOf(OrderLine line, String matchField) {
        return switch (matchField) {
            case "SKU" -> line.sku();
            case "PRODUCT_ID" -> line.productId();
            case "VENDOR" -> line.vendor();
            case "PRODUCT_TYPE" -> line.productType();
            default -> throw new IllegalStateException("unknown exclusion field " + matchField);
        };
    }
}
