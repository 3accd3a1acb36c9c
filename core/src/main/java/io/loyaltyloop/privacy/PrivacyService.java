package io.loyaltyloop.privacy;

import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.util.Optional;
import org.jooq.DSLContext;

/** Answers the host's privacy requests for a shop. */
public class PrivacyService {

    private final DataExportRepository exports;
    private final ShopErasure erasure;
    private final Transactions transactions;
    private final Clock clock;

    public PrivacyService(DSLContext dsl, Clock clock) {
        this.exports = new DataExportRepository(dsl);
        this.erasure = new ShopErasure(dsl);
        this.transactions = new Transactions(dsl);
        this.clock = clock;
    }

    /**
     * Stores the customer's data (profile, balance, ledger, orders, redemptions) as the answer to the
     * data request. The first answer to a request stands, so a redelivery changes nothing; an
     * unknown customer gets an answer too, with nothing held; an erased shop gets none. Returns
     * whether it wrote one.
     */
    public boolean exportCustomerData(ShopId shop, String dataRequestId, String externalCustomerId) {
        // An erased shop holds nothing, and must not start holding the customer's id again.
        return transactions.inTransaction(() -> !erasure.erased(shop)
                && exports.insertIfAbsent(shop, dataRequestId, externalCustomerId, clock.instant()));
    }

    public Optional<DataExport> findExport(ShopId shop, String dataRequestId) {
        return exports.find(shop, dataRequestId);
    }

    /**
     * Erases every row the shop owns, the ledger included, in one transaction, and leaves the shop
     * row as a nameless {@code REDACTED} tombstone. Idempotent.
     */
    public void eraseShop(ShopId shop) {
        transactions.run(() -> erasure.erase(shop, clock.instant()));
    }
}
