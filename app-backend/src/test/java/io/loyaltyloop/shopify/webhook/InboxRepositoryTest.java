package io.loyaltyloop.shopify.webhook;

import static io.loyaltyloop.db.Tables.WEBHOOK_INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.BackendTest;
import io.loyaltyloop.db.tables.records.WebhookInboxRecord;
import io.loyaltyloop.system.Transactions;
import io.loyaltyloop.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The inbox as the edge and the worker use it. The inbox is shared by every test in this JVM, so
 * each test looks only at its own shop's rows among what it claims.
 */
class InboxRepositoryTest extends BackendTest {

    @Autowired
    InboxRepository inbox;

    @Autowired
    DSLContext dsl;

    @Autowired
    MutableClock clock;

    private final String shop = "inbox-" + UUID.randomUUID().toString().substring(0, 8) + ".myshopify.com";

    @AfterEach
    void resetClock() {
        clock.set(START);
    }

    @Test
    void storesADeliveryOnceAndReportsTheRepeatAsDuplicateWithoutChangingIt() {
        WebhookDelivery first = delivery("1", "{\"v\": 1}");
        WebhookDelivery repeat = delivery("1", "{\"v\": 2}");

        assertThat(inbox.store(first)).isEqualTo(InboxRepository.Stored.INSERTED);
        assertThat(inbox.store(repeat)).isEqualTo(InboxRepository.Stored.DUPLICATE);

        assertThat(rows())
                .singleElement()
                .satisfies(row -> assertThat(row.getPayload()).isEqualTo("{\"v\": 1}"));
    }

    @Test
    @Timeout(60)
    void storesOneOfTwoConcurrentDeliveriesOfTheSameEventAndCallsTheOtherADuplicate() throws Exception {
        WebhookDelivery delivery = delivery("same", "{}");
        CountDownLatch bothReady = new CountDownLatch(2);

        List<InboxRepository.Stored> outcomes;
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<InboxRepository.Stored>> stores = threads.invokeAll(List.of(
                    () -> {
                        bothReady.countDown();
                        await(bothReady);
                        return inbox.store(delivery);
                    },
                    () -> {
                        bothReady.countDown();
                        await(bothReady);
                        return inbox.store(delivery);
                    }));
            outcomes = List.of(stores.get(0).get(), stores.get(1).get());
        }

        assertThat(outcomes)
                .containsExactlyInAnyOrder(InboxRepository.Stored.INSERTED, InboxRepository.Stored.DUPLICATE);
        assertThat(rows()).hasSize(1);
    }

    @Test
    @Timeout(60)
    void claimsEachDueRowInExactlyOneOfTwoConcurrentTransactions() throws Exception {
        List<WebhookDelivery> stored =
                IntStream.range(0, 10).mapToObj(i -> delivery("c" + i, "{}")).toList();
        stored.forEach(inbox::store);
        CountDownLatch firstHoldsItsRows = new CountDownLatch(1);
        CountDownLatch secondClaimed = new CountDownLatch(1);
        Transactions transactions = new Transactions(dsl);

        List<InboxEntry> first;
        List<InboxEntry> second;
        try (ExecutorService worker = Executors.newSingleThreadExecutor()) {
            Future<List<InboxEntry>> firstClaim = worker.submit(() -> transactions.inTransaction(() -> {
                List<InboxEntry> claimed = lease(5);
                firstHoldsItsRows.countDown();
                // Keeps its row locks open until the second transaction has claimed.
                await(secondClaimed);
                return claimed;
            }));
            await(firstHoldsItsRows);
            // Without SKIP LOCKED this would wait for the first transaction, which waits for it.
            second = transactions.inTransaction(() -> lease(1_000));
            secondClaimed.countDown();
            first = firstClaim.get();
        }

        Set<String> firstKeys = keys(first);
        Set<String> secondKeys = keys(second);
        assertThat(first).hasSize(5);
        assertThat(firstKeys).doesNotContainAnyElementsOf(secondKeys);
        Set<String> claimed = new HashSet<>(firstKeys);
        claimed.addAll(secondKeys);
        assertThat(claimed)
                .containsAll(keys(
                        stored.stream().map(d -> new InboxEntry(d, START, 0)).toList()));
    }

    @Test
    void claimsTheOldestDeliveryFirst() {
        clock.set(START.plusSeconds(2));
        inbox.store(delivery("later", "{}"));
        clock.set(START.plusSeconds(1));
        inbox.store(delivery("earlier", "{}"));
        clock.set(START.plusSeconds(3));

        List<String> claimedEventIds = new Transactions(dsl)
                .inTransaction(() -> lease(1_000).stream()
                        .map(InboxEntry::delivery)
                        .filter(d -> d.shopDomain().equals(shop))
                        .map(WebhookDelivery::eventId)
                        .toList());

        assertThat(claimedEventIds).containsExactly("earlier", "later");
    }

    @Test
    void aFailedRowWaitsUntilItsNextAttemptThenIsClaimedAgain() {
        WebhookDelivery delivery = delivery("f", "{}");
        inbox.store(delivery);

        inbox.markFailed(delivery, "shop not installed yet", START.plus(Duration.ofMinutes(1)));

        assertThat(claimedOfThisShop()).isEmpty();
        WebhookInboxRecord row = rows().getFirst();
        assertThat(row.getStatus()).isEqualTo("PENDING");
        assertThat(row.getAttempts()).isEqualTo(1);
        assertThat(row.getLastError()).isEqualTo("shop not installed yet");

        clock.set(START.plus(Duration.ofMinutes(1)));
        assertThat(claimedOfThisShop())
                .singleElement()
                .satisfies(entry -> assertThat(entry.attempts()).isEqualTo(1));
    }

    @Test
    void neitherADoneNorAParkedRowIsClaimedAgain() {
        WebhookDelivery done = delivery("d", "{}");
        WebhookDelivery parked = delivery("p", "{}");
        inbox.store(done);
        inbox.store(parked);

        inbox.markDone(done);
        inbox.park(parked, "payload does not map to an event");

        assertThat(claimedOfThisShop()).isEmpty();
        assertThat(rows())
                .extracting(WebhookInboxRecord::getEventId, WebhookInboxRecord::getStatus)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("d", "DONE"),
                        org.assertj.core.groups.Tuple.tuple("p", "PARKED"));
        assertThat(rows())
                .filteredOn(row -> row.getEventId().equals("p"))
                .singleElement()
                .satisfies(row -> assertThat(row.getLastError()).isEqualTo("payload does not map to an event"));
    }

    @Test
    void retentionDeletesOnlyDoneDeliveriesReceivedBeforeTheCutoff() {
        // given, long ago (no other test's rows are that old): done, parked and pending deliveries
        clock.set(Instant.parse("2000-01-01T00:00:00Z"));
        WebhookDelivery oldDone = delivery("old-done", "{}");
        WebhookDelivery oldParked = delivery("old-parked", "{}");
        WebhookDelivery oldPending = delivery("old-pending", "{}");
        List.of(oldDone, oldParked, oldPending).forEach(inbox::store);
        inbox.markDone(oldDone);
        inbox.park(oldParked, "poison");
        // and a done one received a day later
        clock.set(Instant.parse("2000-01-02T00:00:00Z"));
        WebhookDelivery laterDone = delivery("later-done", "{}");
        inbox.store(laterDone);
        inbox.markDone(laterDone);

        // when
        inbox.deleteDoneBefore(Instant.parse("2000-01-01T12:00:00Z"), 1_000);

        // then
        assertThat(rows())
                .extracting(WebhookInboxRecord::getEventId)
                .containsExactlyInAnyOrder("old-parked", "old-pending", "later-done");
    }

    @Test
    void keepsOnlyTheStartOfAVeryLongError() {
        WebhookDelivery delivery = delivery("long", "{}");
        inbox.store(delivery);

        inbox.park(delivery, "x".repeat(InboxRepository.MAX_ERROR_LENGTH + 500));

        assertThat(rows().getFirst().getLastError()).hasSize(InboxRepository.MAX_ERROR_LENGTH);
    }

    /** What the worker does: takes due rows for a while, hidden from other takers. */
    private List<InboxEntry> lease(int limit) {
        return inbox.lease(limit, clock.instant().plus(Duration.ofMinutes(5)));
    }

    private List<InboxEntry> claimedOfThisShop() {
        return new Transactions(dsl)
                .inTransaction(() -> lease(1_000).stream()
                        .filter(entry -> entry.delivery().shopDomain().equals(shop))
                        .toList());
    }

    private WebhookDelivery delivery(String eventId, String payload) {
        return new WebhookDelivery(shop, "orders/paid", eventId, null, "2026-07", null, payload);
    }

    private List<WebhookInboxRecord> rows() {
        return dsl.selectFrom(WEBHOOK_INBOX)
                .where(WEBHOOK_INBOX.SHOP_DOMAIN.eq(shop))
                .fetch();
    }

    private static Set<String> keys(List<InboxEntry> entries) {
        Set<String> keys = new HashSet<>();
        entries.forEach(entry -> keys.add(entry.delivery().shopDomain() + " "
                + entry.delivery().topic() + " " + entry.delivery().eventId()));
        return keys;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
