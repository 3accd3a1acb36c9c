package io.loyaltyloop.audit;

import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.val;

import io.loyaltyloop.shop.ShopId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Reads a shop's audit log back, newest first, a page at a time. Pages are keyed by the last id
 * shown ({@code before}), not by offset: a page stays the same while new entries arrive, and every
 * page is a short walk down the primary key {@code (shop_id, audit_id)}. Every query names the shop,
 * so another shop's entries never appear.
 */
public class AuditTrail {

    /** Largest page; the admin shows 50. */
    public static final int MAX_PAGE = 200;

    private final DSLContext dsl;

    public AuditTrail(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The {@code size} newest entries matching {@code query} with an id below {@code before} (null:
     * from the newest).
     */
    public AuditPage page(ShopId shop, AuditQuery query, Long before, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw new IllegalArgumentException("a page holds 1 to " + MAX_PAGE + " entries, not " + size);
        }
        Condition where = AUDIT_LOG.SHOP_ID.eq(shop.value());
        if (before != null) {
            where = where.and(AUDIT_LOG.AUDIT_ID.lt(before));
        }
        if (query.family() != null) {
            where = where.and(
                    AUDIT_LOG.ACTION.eq(query.family()).or(AUDIT_LOG.ACTION.startsWith(query.family() + ".")));
        }
        if (query.actorContains() != null) {
            where = where.and(AUDIT_LOG.ACTOR.containsIgnoreCase(query.actorContains()));
        }
        if (query.since() != null) {
            where = where.and(AUDIT_LOG.CREATED_AT.ge(query.since().atOffset(ZoneOffset.UTC)));
        }
        var rows = dsl.select(
                        AUDIT_LOG.AUDIT_ID, AUDIT_LOG.ACTOR, AUDIT_LOG.ACTION, AUDIT_LOG.SUBJECT, AUDIT_LOG.CREATED_AT)
                .from(AUDIT_LOG)
                .where(where)
                .orderBy(AUDIT_LOG.AUDIT_ID.desc())
                .limit(size + 1)
                .fetch();
        List<Long> ids = rows.stream().limit(size).map(r -> r.value1()).toList();
        Map<Long, Map<String, String>> details = details(shop, ids);
        List<AuditEntry> entries = new ArrayList<>();
        for (var r : rows.subList(0, ids.size())) {
            entries.add(new AuditEntry(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    details.getOrDefault(r.value1(), Map.of()),
                    r.value5().toInstant()));
        }
        Long olderThan = rows.size() > size ? ids.getLast() : null;
        return new AuditPage(List.copyOf(entries), olderThan);
    }

    /** The details of the given entries, each key with its value as text (jsonb_each_text). */
    private Map<Long, Map<String, String>> details(ShopId shop, List<Long> ids) {
        Map<Long, Map<String, String>> byEntry = new HashMap<>();
        if (ids.isEmpty()) {
            return byEntry;
        }
        dsl.resultQuery(
                        "select a.audit_id, d.key, d.value from audit_log a"
                                + " cross join lateral jsonb_each_text(a.details) d"
                                + " where a.shop_id = {0} and a.audit_id = any({1})",
                        val(shop.value()), val(ids.toArray(Long[]::new)))
                .forEach(r -> byEntry.computeIfAbsent(r.get(0, Long.class), id -> new TreeMap<>())
                        .put(r.get(1, String.class), r.get(2, String.class)));
        return byEntry;
    }
}
