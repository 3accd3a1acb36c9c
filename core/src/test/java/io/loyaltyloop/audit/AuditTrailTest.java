package io.loyaltyloop.audit;

import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loyaltyloop.shop.Shop;
import io.loyaltyloop.testing.Shops;
import io.loyaltyloop.testing.TestDatabase;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Reading a shop's audit log back: newest first, keyset pages, filters, one shop only. */
class AuditTrailTest {

    private final DSLContext dsl = TestDatabase.dsl();
    private final AuditLog log = new AuditLog(dsl);
    private final AuditTrail trail = new AuditTrail(dsl);

    @Test
    void pagesWalkFromTheNewestToTheOldestWithoutGapsOrRepeats() {
        Shop shop = Shops.newShop(dsl);
        for (int i = 0; i < 7; i++) {
            log.record(shop.id(), "admin:a@shop.test", "points.adjusted", "customer:" + i, Map.of("n", i));
        }

        List<String> seen = new ArrayList<>();
        Long before = null;
        int pages = 0;
        do {
            AuditPage page = trail.page(shop.id(), AuditQuery.ALL, before, 3);
            page.entries().forEach(e -> seen.add(e.subject()));
            before = page.olderThan();
            pages++;
        } while (before != null);

        assertThat(pages).isEqualTo(3);
        assertThat(seen)
                .containsExactly(
                        "customer:6",
                        "customer:5",
                        "customer:4",
                        "customer:3",
                        "customer:2",
                        "customer:1",
                        "customer:0");
    }

    @Test
    void aFullLastPageSaysThereIsNothingOlder() {
        Shop shop = Shops.newShop(dsl);
        log.record(shop.id(), "host", "shop.uninstalled", "shop", Map.of());
        log.record(shop.id(), "host", "shop.uninstalled", "shop", Map.of());

        AuditPage page = trail.page(shop.id(), AuditQuery.ALL, null, 2);

        assertThat(page.entries()).hasSize(2);
        assertThat(page.olderThan()).isNull();
    }

    @Test
    void detailsComeBackAsTextByKeyWhateverTheyContain() {
        Shop shop = Shops.newShop(dsl);
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.SHOP_ID, shop.id().value())
                .set(AUDIT_LOG.ACTOR, "admin:a@shop.test")
                .set(AUDIT_LOG.ACTION, "email.template.save")
                .set(
                        AUDIT_LOG.DETAILS,
                        org.jooq.JSONB.valueOf(
                                "{\"kind\": \"SHIPPED\", \"html\": \"<script>x()</script>\", \"n\": 3, \"nested\":"
                                        + " {\"a\": 1}, \"none\": null}"))
                .execute();

        AuditEntry entry =
                trail.page(shop.id(), AuditQuery.ALL, null, 10).entries().getFirst();

        assertThat(entry.details())
                .containsEntry("kind", "SHIPPED")
                .containsEntry("html", "<script>x()</script>")
                .containsEntry("n", "3")
                .containsEntry("nested", "{\"a\": 1}")
                .containsEntry("none", null);
        assertThat(entry.details().keySet()).containsExactly("html", "kind", "n", "nested", "none");
    }

    @Test
    void aFamilyMatchesItsActionsAndNoLongerWordThatStartsTheSame() {
        Shop shop = Shops.newShop(dsl);
        log.record(shop.id(), "a", "review.approved", "review:1", Map.of());
        log.record(shop.id(), "a", "review.settings.updated", "review-settings", Map.of());
        log.record(shop.id(), "a", "review", null, Map.of());
        log.record(shop.id(), "a", "reviewer.added", null, Map.of());
        log.record(shop.id(), "a", "points.adjusted", "customer:1", Map.of());

        List<String> actions = actions(trail.page(shop.id(), new AuditQuery("review", null, null), null, 50));

        assertThat(actions).containsExactly("review", "review.settings.updated", "review.approved");
    }

    @Test
    void theActorFilterMatchesPartOfTheActorInAnyCaseAndTakesWildcardsLiterally() {
        Shop shop = Shops.newShop(dsl);
        log.record(shop.id(), "admin:Owner@Shop.test", "points.adjusted", "customer:1", Map.of());
        log.record(shop.id(), "admin:staff@shop.test", "points.adjusted", "customer:2", Map.of());
        log.record(shop.id(), "shopify-user:42", "points.adjusted", "customer:3", Map.of());

        assertThat(subjects(trail.page(shop.id(), new AuditQuery(null, "owner@", null), null, 50)))
                .containsExactly("customer:1");
        assertThat(subjects(trail.page(shop.id(), new AuditQuery(null, "%", null), null, 50)))
                .isEmpty();
    }

    @Test
    void theSinceFilterLeavesOutOlderEntries() {
        Shop shop = Shops.newShop(dsl);
        log.record(shop.id(), "a", "points.adjusted", "old", Map.of());
        log.record(shop.id(), "a", "points.adjusted", "new", Map.of());
        dsl.update(AUDIT_LOG)
                .set(AUDIT_LOG.CREATED_AT, Instant.parse("2026-01-01T00:00:00Z").atOffset(ZoneOffset.UTC))
                .where(AUDIT_LOG.SHOP_ID.eq(shop.id().value()))
                .and(AUDIT_LOG.SUBJECT.eq("old"))
                .execute();

        AuditPage page =
                trail.page(shop.id(), new AuditQuery(null, null, Instant.parse("2026-06-01T00:00:00Z")), null, 50);

        assertThat(subjects(page)).containsExactly("new");
    }

    @Test
    void anotherShopsEntriesNeverAppearOnAnyPageOrFilter() {
        Shop shop = Shops.newShop(dsl);
        Shop other = Shops.newShop(dsl);
        log.record(other.id(), "admin:a@shop.test", "points.adjusted", "theirs", Map.of("n", 1));
        log.record(shop.id(), "admin:a@shop.test", "points.adjusted", "mine", Map.of("n", 1));
        long theirsId = dsl.select(AUDIT_LOG.AUDIT_ID)
                .from(AUDIT_LOG)
                .where(AUDIT_LOG.SHOP_ID.eq(other.id().value()))
                .fetchSingle()
                .value1();

        assertThat(subjects(trail.page(shop.id(), AuditQuery.ALL, null, 50))).containsExactly("mine");
        assertThat(subjects(trail.page(shop.id(), new AuditQuery("points", "admin", null), theirsId + 1, 50)))
                .doesNotContain("theirs");
    }

    @Test
    void refusesABadFamilyAnOverlongActorAndABadPageSize() {
        assertThatThrownBy(() -> new AuditQuery("review.%", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditQuery(null, "a".repeat(201), null))
                .isInstanceOf(IllegalArgumentException.class);
        Shop shop = Shops.newShop(dsl);
        assertThatThrownBy(() -> trail.page(shop.id(), AuditQuery.ALL, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> actions(AuditPage page) {
        return page.entries().stream().map(AuditEntry::action).toList();
    }

    private static List<String> subjects(AuditPage page) {
        return page.entries().stream().map(AuditEntry::subject).toList();
    }
}
