package io.loyaltyloop.broadleaf.site;

import io.loyaltyloop.admin.broadleaf.BroadleafConnection;
import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.system.Transactions;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The admin's "Broadleaf connection" page, from the sites' registry; rotations are audited. */
@Component
class AdminBroadleafConnection implements BroadleafConnection {

    private final BroadleafSites sites;
    private final Transactions transactions;
    private final AuditLog audit;

    AdminBroadleafConnection(BroadleafSites sites, DSLContext dsl) {
        this.sites = sites;
        this.transactions = new Transactions(dsl);
        this.audit = new AuditLog(dsl);
    }

    @Override
    public Optional<Connection> connection(ShopId shop) {
        return sites.find(shop).map(site -> {
            BroadleafSites.SecretDates dates = sites.secretDates(shop);
            return new Connection(
                    site.siteId(), site.baseUrl().toString(), dates.rotatedAt(), dates.previousValidUntil());
        });
    }

    @Override
    public String rotate(ShopId shop, String actor) {
        return transactions.inTransaction(() -> {
            String secret = sites.rotate(shop);
            // Never the secret itself: the audit log is shown to every admin user of the shop.
            audit.record(shop, actor, "broadleaf.secret.rotate", "broadleaf", Map.of());
            return secret;
        });
    }
}
