package io.loyaltyloop.loyalty;

import static io.loyaltyloop.db.Tables.CUSTOMER;
import static io.loyaltyloop.db.Tables.SHOP_ORDER;
import static org.jooq.impl.DSL.select;

import io.loyaltyloop.shop.ShopId;
import java.util.List;
import org.jooq.Record1;
import org.jooq.Select;

/**
 * The orders a customer redaction covers: those linked to the customer, and every order the host
 * names (Shopify's {@code orders_to_redact}, which includes guest checkouts never linked to them).
 * One definition, so that every erasure on redaction covers the same orders.
 */
final class OrdersToRedact {

    private OrdersToRedact() {}

    static Select<Record1<Long>> of(ShopId shop, String externalCustomerId, List<String> externalOrderIds) {
        return select(SHOP_ORDER.ORDER_ID)
                .from(SHOP_ORDER)
                .join(CUSTOMER)
                .on(CUSTOMER.SHOP_ID.eq(SHOP_ORDER.SHOP_ID))
                .and(CUSTOMER.CUSTOMER_ID.eq(SHOP_ORDER.CUSTOMER_ID))
                .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                .and(CUSTOMER.EXTERNAL_ID.eq(externalCustomerId))
                .union(select(SHOP_ORDER.ORDER_ID)
                        .from(SHOP_ORDER)
                        .where(SHOP_ORDER.SHOP_ID.eq(shop.value()))
                        .and(SHOP_ORDER.EXTERNAL_ID.in(externalOrderIds)));
    }
}
