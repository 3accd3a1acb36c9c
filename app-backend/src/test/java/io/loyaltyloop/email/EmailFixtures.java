package io.loyaltyloop.email;

import static io.loyaltyloop.db.Tables.CUSTOMER;

import io.loyaltyloop.journey.StepKind;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;

/** Object mother for the email tests: customers with addresses of their own, and messages to them. */
final class EmailFixtures {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private EmailFixtures() {}

    /** A unique address, so a test reads only its own mail from the shared SMTP server. */
    static String address() {
        return "c" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@customers.test";
    }

    static long customer(DSLContext dsl, Shop shop, String email) {
        return dsl.insertInto(CUSTOMER)
                .set(CUSTOMER.SHOP_ID, shop.id().value())
                .set(CUSTOMER.EXTERNAL_ID, "ext-" + UUID.randomUUID())
                .set(CUSTOMER.EMAIL, email)
                .set(CUSTOMER.FIRST_NAME, "Ada")
                .returning(CUSTOMER.CUSTOMER_ID)
                .fetchOne(CUSTOMER.CUSTOMER_ID);
    }

    static OutgoingEmail shipped(ShopId shop, long customerId, String to, String key) {
        return new OutgoingEmail(
                shop,
                key,
                StepKind.SHIPPED,
                to,
                "Ada Lovelace",
                customerId,
                Locale.US,
                Map.of(
                        "customer", Map.of("first_name", "Ada"),
                        "order", Map.of("name", "#1001", "total", new BigDecimal("84.90")),
                        "tracking",
                                Map.of(
                                        "company", "UPS",
                                        "number", "1Z999AA10123456784",
                                        "url", "https://www.ups.com/track?tracknum=1Z999AA10123456784")));
    }

    static OutgoingEmail stuckAlert(ShopId shop, String to, String key) {
        return new OutgoingEmail(
                shop,
                key,
                StepKind.SHIPMENT_STUCK_ALERT,
                to,
                null,
                null,
                Locale.US,
                Map.of("order", Map.of("name", "#1001"), "days_without_movement", 5, "at", Instant.EPOCH));
    }
}
