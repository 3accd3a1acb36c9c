package io.loyaltyloop.shop;

import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** Registers tenants and reads and changes their program settings. */
public class ShopService {

    private final ShopRepository shops;
    private final AuditLog audit;
    private final Transactions transactions;

    private final Clock clock;

    public ShopService(DSLContext dsl) {
        this(dsl, Clock.systemUTC());
    }

    public ShopService(DSLContext dsl, Clock clock) {
        this.clock = clock;
        this.shops = new ShopRepository(dsl);
        this.audit = new AuditLog(dsl);
        this.transactions = new Transactions(dsl);
    }

    /**
     * Registers a shop with the default program, or returns the existing one with that platform key
     * (a reinstall keeps the shop's program and points).
     */
    public Shop register(NewShop newShop) {
        return transactions.inTransaction(() -> {
            ShopId id = shops.insertIfAbsent(newShop, clock.instant());
            if (!shops.hasProgram(id)) {
                shops.insertDefaultProgram(id);
            }
            return getShop(id);
        });
    }

    public Optional<Shop> findShop(Platform platform, String platformShopKey) {
        return shops.find(platform, platformShopKey);
    }

    /** Every installed shop's id, for jobs that go shop by shop (an uninstalled shop gets no work). */
    public List<ShopId> shopIds() {
        return shops.activeIds();
    }

    /**
     * The merchant uninstalled the app: all work for the shop stops, its data stays until the
     * host asks for it to be erased (Shopify's shop/redact, 48 h later) or the merchant reinstalls
     * ({@link #register} makes it active again). Idempotent.
     */
    public void uninstall(ShopId id, Instant at) {
        transactions.run(() -> {
            if (shops.markUninstalled(id, at)) {
                audit.record(id, "host", "shop.uninstalled", "shop", Map.of("at", at.toString()));
            }
        });
    }

    public Shop getShop(ShopId id) {
        return shops.find(id).orElseThrow(() -> new ShopNotFoundException(id.toString()));
    }

    public ProgramSettings settings(ShopId id) {
        return shops.settings(id).orElseThrow(() -> new ShopNotFoundException(id.toString()));
    }

    /**
     * Saves the shop's settings, audited as {@code program.settings.update} with the old and new
     * values. The engine reads them once per transaction: they apply from the next event (the
     * pending days to orders paid from now on, whose release date is fixed at payment).
     */
    public void updateSettings(ShopId id, ProgramSettings settings, String actor) {
        transactions.run(() -> {
            ProgramSettings before = settings(id);
            shops.updateSettings(id, settings);
            audit.record(
                    id, actor, "program.settings.update", "program_settings", Map.of("old", before, "new", settings));
        });
    }

    /** Where the shop's merchant alerts go; empty when no address is known. */
    public Optional<String> contactEmail(ShopId id) {
        return shops.contactEmail(id);
    }

    /**
     * Sets or overrides where the shop's merchant alerts go (a Broadleaf site has no host to ask;
     * a Shopify merchant may prefer another address than the owner's), or clears it with null.
     * Audited.
     *
     * @throws InvalidContactEmailException when the address is malformed; nothing changes
     */
    public void updateContactEmail(ShopId id, String email, String actor) {
        String valid = email == null ? null : ContactEmail.require(email);
        transactions.run(() -> {
            if (!shops.updateContactEmail(id, valid)) {
                throw new ShopNotFoundException(id.toString());
            }
            audit.record(id, actor, "shop.contact_email.updated", "shop", Map.of("set", valid != null));
        });
    }
}
