package io.loyaltyloop.audit;

import static io.loyaltyloop.db.Tables.AUDIT_LOG;
import static org.jooq.impl.DSL.jsonEntry;
import static org.jooq.impl.DSL.jsonbObject;
import static org.jooq.impl.DSL.val;

import io.loyaltyloop.shop.ShopId;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONEntry;

/** Appends audit rows; joins the caller's transaction. */
public class AuditLog {

    private final DSLContext dsl;

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Records that {@code actor} did {@code action} to {@code subject}; details are scalar values. */
    public void record(ShopId shop, String actor, String action, String subject, Map<String, ?> details) {
        List<JSONEntry<?>> entries = details.entrySet().stream()
                .<JSONEntry<?>>map(e -> jsonEntry(
                        e.getKey(),
                        val(e.getValue() == null ? null : e.getValue().toString())))
                .toList();
        dsl.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.SHOP_ID, shop.value())
                .set(AUDIT_LOG.ACTOR, actor)
                .set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.SUBJECT, subject)
                .set(AUDIT_LOG.DETAILS, dsl.select(jsonbObject(entries)).asField())
                .execute();
    }
}
