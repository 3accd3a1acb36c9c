package io.loyaltyloop.survey;

import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static io.loyaltyloop.db.Tables.SURVEY_RESPONSE;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;

/** Survey answers; every query is for one shop. */
class SurveyRepository {

    private final DSLContext dsl;

    SurveyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean orderExists(ShopId shop, long orderId) {
        return dsl.fetchExists(SHOP_ORDER, SHOP_ORDER.SHOP_ID.eq(shop.value()).and(SHOP_ORDER.ORDER_ID.eq(orderId)));
    }

    /** Whether this stored the answer; false when the order's survey was answered already. */
    boolean insert(ShopId shop, long orderId, SurveyType type, int score, String comment, Instant at) {
        return dsl.insertInto(SURVEY_RESPONSE)
                        .set(SURVEY_RESPONSE.SHOP_ID, shop.value())
                        .set(SURVEY_RESPONSE.ORDER_ID, orderId)
                        .set(SURVEY_RESPONSE.SURVEY_TYPE, type.name())
                        .set(SURVEY_RESPONSE.SCORE, (short) score)
                        .set(SURVEY_RESPONSE.COMMENT, comment)
                        .set(SURVEY_RESPONSE.RESPONDED_AT, at.atOffset(ZoneOffset.UTC))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    Optional<SurveyResponse> find(ShopId shop, long orderId, SurveyType type) {
        return dsl.selectFrom(SURVEY_RESPONSE)
                .where(SURVEY_RESPONSE.SHOP_ID.eq(shop.value()))
                .and(SURVEY_RESPONSE.ORDER_ID.eq(orderId))
                .and(SURVEY_RESPONSE.SURVEY_TYPE.eq(type.name()))
                .fetchOptional(r -> new SurveyResponse(
                        r.getOrderId(),
                        SurveyType.valueOf(r.getSurveyType()),
                        r.getScore(),
                        r.getComment(),
                        r.getRespondedAt().toInstant()));
    }
}
