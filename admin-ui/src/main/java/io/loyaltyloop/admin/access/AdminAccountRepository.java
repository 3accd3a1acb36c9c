package io.loyaltyloop.admin.access;

import static io.loyaltyloop.db.Tables.ADMIN_ACCOUNT;

import io.loyaltyloop.db.tables.records.AdminAccountRecord;
import io.loyaltyloop.shop.ShopId;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The {@code admin_account} table; every query is scoped by the shop. */
@Repository
class AdminAccountRepository {

    private final DSLContext dsl;

    AdminAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Inserts the account; empty when the shop already has one with that email. */
    Optional<Long> insert(ShopId shop, String email, String passwordHash, AdminRole role, Instant at) {
        return dsl.insertInto(ADMIN_ACCOUNT)
                .set(ADMIN_ACCOUNT.SHOP_ID, shop.value())
                .set(ADMIN_ACCOUNT.EMAIL, email)
                .set(ADMIN_ACCOUNT.PASSWORD_HASH, passwordHash)
                .set(ADMIN_ACCOUNT.ROLE, role.name())
                .set(ADMIN_ACCOUNT.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .onConflictDoNothing()
                .returning(ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID)
                .fetchOptional(ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID);
    }

    Optional<AdminAccount> find(ShopId shop, String email) {
        return dsl.selectFrom(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(ADMIN_ACCOUNT.EMAIL.eq(email))
                .fetchOptional(AdminAccountRepository::account);
    }

    /** The shop's accounts, oldest first. */
    List<AdminAccount> list(ShopId shop) {
        return dsl.selectFrom(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.value()))
                .orderBy(ADMIN_ACCOUNT.CREATED_AT, ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID)
                .fetch(AdminAccountRepository::account);
    }

    Optional<AdminAccount> find(ShopId shop, long id) {
        return dsl.selectFrom(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID.eq(id))
                .fetchOptional(AdminAccountRepository::account);
    }

    /**
     * How many OWNERs the shop has, locking their rows until the transaction ends: two owners demoting
     * or removing each other at once then run one after the other, and the second sees the first's change.
     */
    int lockOwners(ShopId shop) {
        return dsl.select(ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID)
                .from(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(ADMIN_ACCOUNT.ROLE.eq(AdminRole.OWNER.name()))
                .forUpdate()
                .fetch()
                .size();
    }

    void updateRole(ShopId shop, long id, AdminRole role) {
        dsl.update(ADMIN_ACCOUNT)
                .set(ADMIN_ACCOUNT.ROLE, role.name())
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID.eq(id))
                .execute();
    }

    void updatePassword(ShopId shop, long id, String passwordHash) {
        dsl.update(ADMIN_ACCOUNT)
                .set(ADMIN_ACCOUNT.PASSWORD_HASH, passwordHash)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID.eq(id))
                .execute();
    }

    void delete(ShopId shop, long id) {
        dsl.deleteFrom(ADMIN_ACCOUNT)
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID.eq(id))
                .execute();
    }

    void recordLogin(ShopId shop, long id, Instant at) {
        dsl.update(ADMIN_ACCOUNT)
                .set(ADMIN_ACCOUNT.LAST_LOGIN_AT, at.atOffset(ZoneOffset.UTC))
                .where(ADMIN_ACCOUNT.SHOP_ID.eq(shop.value()))
                .and(ADMIN_ACCOUNT.ADMIN_ACCOUNT_ID.eq(id))
                .execute();
    }

    private static AdminAccount account(AdminAccountRecord row) {
        return new AdminAccount(
                new ShopId(row.getShopId()),
                row.getAdminAccountId(),
                row.getEmail(),
                row.getPasswordHash(),
                AdminRole.valueOf(row.getRole()),
                row.getCreatedAt().toInstant(),
                row.getLastLoginAt() == null ? null : row.getLastLoginAt().toInstant());
    }
}
