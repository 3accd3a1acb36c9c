package io.loyaltyloop.admin.access;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.loyalty.LoyaltyService;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.testing.MutableClock;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin over real HTTP, with a fresh client (no cookies) for every test. */
abstract class AdminWebTest extends BackendTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    LoyaltyService loyalty;

    @Autowired
    ShopService shops;

    @Autowired
    MutableClock clock;

    @LocalServerPort
    int port;

    AdminClient client;

    @BeforeEach
    void freshClient() {
        client = new AdminClient(port);
    }
}
