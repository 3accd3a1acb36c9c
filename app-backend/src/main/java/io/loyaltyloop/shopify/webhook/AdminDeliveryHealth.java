package io.loyaltyloop.shopify.webhook;

import io.loyaltyloop.admin.activity.DeliveryHealth;
import io.loyaltyloop.audit.AuditLog;
import io.loyaltyloop.email.OutboxHealthRepository;
import io.loyaltyloop.shop.Platform;
import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.shop.ShopId;
import io.loyaltyloop.shop.ShopService;
import io.loyaltyloop.shopify.sync.IssuingHealthRepository;
import io.loyaltyloop.system.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The admin's delivery health, from the webhook inbox (this package), the email outbox and reward
 * issuing (each read by a repository beside its feature). The inbox is keyed by the shop's
 * myshopify.com domain, so a shop's rows are those of its own domain; a shop on another platform
 * (Broadleaf) has its inbox read through that platform's {@link PlatformInboxHealth}.
 */
@Component
public class AdminDeliveryHealth implements DeliveryHealth {

    private static final Duration DAY = Duration.ofDays(1);

    private final InboxHealthRepository inbox;
    private final OutboxHealthRepository outbox;
    private final IssuingHealthRepository issuing;
    private final ShopService shops;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;
    private final List<PlatformInboxHealth> otherInboxes;

    AdminDeliveryHealth(
            InboxHealthRepository inbox,
            OutboxHealthRepository outbox,
            IssuingHealthRepository issuing,
            ShopService shops,
            DSLContext dsl,
            Clock clock,
            List<PlatformInboxHealth> otherInboxes) {
        this.otherInboxes = List.copyOf(otherInboxes);
        this.inbox = inbox;
        this.outbox = outbox;
        this.issuing = issuing;
        this.shops = shops;
        this.transactions = new Transactions(dsl);
        this.audit = new AuditLog(dsl);
        this.clock = clock;
    }

    @Override
    public Webhooks webhooks(ShopId shop, int parkedLimit) {
        Optional<PlatformInboxHealth> other = otherInbox(shop);
        if (other.isPresent()) {
            return other.get().webhooks(shop, parkedLimit);
        }
        Optional<String> domain = domain(shop);
        if (domain.isEmpty()) {
            return new Webhooks(false, Map.of(), 0, null, 0, List.of());
        }
        String d = domain.get();
        InboxHealthRepository.Tally waiting = inbox.tally(d, InboxRepository.PENDING);
        InboxHealthRepository.Tally parked = inbox.tally(d, InboxRepository.PARKED);
        return new Webhooks(
                true,
                inbox.receivedSince(d, clock.instant().minus(DAY)),
                waiting.count(),
                waiting.oldest(),
                parked.count(),
                inbox.parked(d, parkedLimit));
    }

    @Override
    public Emails emails(ShopId shop, int failedLimit) {
        return outbox.report(shop, clock.instant(), failedLimit);
    }

    @Override
    public RewardCodes rewardCodes(ShopId shop, int limit) {
        return issuing.report(shop, clock.instant(), limit);
    }

    @Override
    public RetryOutcome retry(ShopId shop, String actor, String topic, String eventId) {
        Optional<PlatformInboxHealth> other = otherInbox(shop);
        if (other.isPresent()) {
            return other.get().retry(shop, actor, topic, eventId);
        }
        Optional<String> domain = domain(shop);
        if (domain.isEmpty()) {
            return RetryOutcome.NOT_FOUND;
        }
        return transactions.inTransaction(() -> {
            Optional<String> status = inbox.lockStatus(domain.get(), topic, eventId);
            if (status.isEmpty()) {
                return RetryOutcome.NOT_FOUND;
            }
            if (!status.get().equals(InboxRepository.PARKED)) {
                return RetryOutcome.NOT_PARKED;
            }
            inbox.requeueParked(domain.get(), topic, eventId, clock.instant());
            audit.record(shop, actor, "activity.retry", "webhook:" + topic, Map.of("topic", topic, "event", eventId));
            return RetryOutcome.RETRIED;
        });
    }

    @Override
    public int retryAllParked(ShopId shop, String actor) {
        Optional<PlatformInboxHealth> other = otherInbox(shop);
        if (other.isPresent()) {
            return other.get().retryAllParked(shop, actor);
        }
        Optional<String> domain = domain(shop);
        if (domain.isEmpty()) {
            return 0;
        }
        return transactions.inTransaction(() -> {
            int retried = inbox.requeueParked(domain.get(), null, null, clock.instant());
            if (retried > 0) {
                audit.record(shop, actor, "activity.retry_all", "webhooks", Map.of("count", retried));
            }
            return retried;
        });
    }

    /** The inbox of the shop's platform when that is not Shopify's (Broadleaf's), if there is one. */
    private Optional<PlatformInboxHealth> otherInbox(ShopId id) {
        Platform platform = shops.getShop(id).platform();
        return otherInboxes.stream().filter(i -> i.platform() == platform).findFirst();
    }

    /** The shop's myshopify.com domain, the inbox's key; empty for a shop not on Shopify. */
    private Optional<String> domain(ShopId id) {
        Shop shop = shops.getShop(id);
        return shop.platform() == Platform.SHOPIFY
                ? Optional.of(shop.platformShopKey().toLowerCase(Locale.ROOT))
                : Optional.empty();
    }
}
