package io.loyaltyloop.admin.shell;

import static io.loyaltyloop.db.Tables.CUSTOMER;

import io.loyaltyloop.shop.ShopId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The dashboard's figures; the full KPI set comes with the dashboard screen. */
@Repository
class DashboardRepository {

    private final DSLContext dsl;

    DashboardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Members: the shop's customers the engine knows, less those erased on request. */
    long members(ShopId shop) {
        return dsl.fetchCount(CUSTOMER, CUSTOMER.SHOP_ID.eq(shop.value()).and(CUSTOMER.REDACTED_AT.isNull()));
    }
}
