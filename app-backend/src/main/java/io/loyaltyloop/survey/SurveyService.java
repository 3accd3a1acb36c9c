package io.loyaltyloop.survey;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopNotFoundException;
import io.loyaltyloop.shop.ShopService;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * NPS and CSAT answers. Invariant: one answer per order and survey type, and the first one stands —
 * a forwarded email or a second click cannot rewrite what the customer said.
 */
@Service
public class SurveyService {

    private final SurveyRepository repository;
    private final ShopService shops;
    private final Clock clock;

    public SurveyService(DSLContext dsl, ShopService shops, Clock clock) {
        this.repository = new SurveyRepository(dsl);
        this.shops = shops;
        this.clock = clock;
    }

    public Optional<SurveyResponse> response(ShopId shop, long orderId, SurveyType type) {
        return repository.find(shop, orderId, type);
    }

    /** Whether the link's order exists in an installed shop. */
    boolean answerable(SurveyLink link) {
        try {
            return shops.getShop(link.shop()).active() && repository.orderExists(link.shop(), link.orderId());
        } catch (ShopNotFoundException e) {
            return false;
        }
    }

    String shopName(ShopId shop) {
        return shops.getShop(shop).name();
    }

    /** Stores the answer; false when the survey was answered already (nothing changes). */
    boolean record(SurveyLink link, int score, String comment) {
        if (!link.inRange(score)) {
            throw new IllegalArgumentException("score out of range for " + link.type());
        }
        return repository.insert(link.shop(), link.orderId(), link.type(), score, comment, clock.instant());
    }
}
