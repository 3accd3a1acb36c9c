package io.loyaltyloop.admin.access;

import io.loyaltyloop.shop.ShopId;
import java.time.Instant;

/** A local admin account of one shop; {@code passwordHash} is bcrypt. */
record AdminAccount(
        ShopId shop,
        long id,
        String email,
        String passwordHash,
        AdminRole role,
        Instant createdAt,
        Instant lastLoginAt) {}
