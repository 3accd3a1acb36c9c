package io.loyaltyloop.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.loyaltyloop.testing.process.BackendProcess;
import io.loyaltyloop.testing.process.BackendProcess.CommandResult;
import java.util.List;
import java.util.Map;

/**
 * R7, run at the end of every scenario: the operator's {@code ledger verify} (a real {@code java
 * -jar loyalty-loop.jar ledger verify} on the same database) exits 0, and no rows hang loose
 * where the schema has no foreign key to prevent it.
 */
final class Books {

    /** Each query counts rows that should not exist; the name says what they would be. */
    private static final Map<String, String> ORPHANS = Map.of(
            "customers without a points account",
            """
            select count(*) from customer c
             where not exists (select 1 from points_account a
                                where a.shop_id = c.shop_id and a.customer_id = c.customer_id)
               and exists (select 1 from points_ledger l
                            where l.shop_id = c.shop_id and l.customer_id = c.customer_id)\
            """,
            "order entries without an order",
            "select count(*) from points_ledger where kind in ('EARN', 'REVERSE', 'RELEASE') and order_id is null",
            "redemption entries without a redemption",
            "select count(*) from points_ledger where kind in ('REDEEM', 'REDEEM_REFUND') and redemption_id is null",
            "redemptions without their REDEEM entry",
            """
            select count(*) from redemption r
             where not exists (select 1 from points_ledger l where l.shop_id = r.shop_id
                                and l.redemption_id = r.redemption_id and l.kind = 'REDEEM')\
            """,
            "orders of a customer that does not exist",
            """
            select count(*) from shop_order o where o.customer_id is not null
               and not exists (select 1 from customer c
                                where c.shop_id = o.shop_id and c.customer_id = o.customer_id)\
            """,
            "webhooks parked for an operator",
            "select count(*) from webhook_inbox where status = 'PARKED'");

    private Books() {}

    static void assertBalanced(Environment env) throws Exception {
        CommandResult verify = BackendProcess.command(env.database.url(), "ledger", "verify");
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.lastLine()).as(verify.output()).endsWith(" 0 mismatches");
        ORPHANS.forEach(
                (what, sql) -> assertThat(env.database.number(sql)).as(what).isZero());
    }

    /** The ledger's sums for a shop: entries, pending and available, by customer external id. */
    static List<List<Object>> ledgerByCustomer(Environment env, String shop) {
        return env.database.rows("""
            select c.external_id, 'entries:' || count(*), sum(l.pending_delta), sum(l.available_delta)
              from points_ledger l
              join customer c on c.shop_id = l.shop_id and c.customer_id = l.customer_id
              join shop s on s.shop_id = l.shop_id
             where s.platform_shop_key = ?
             group by c.external_id order by c.external_id\
            """, shop);
    }

    static long entries(Environment env, String shop) {
        return env.database.number("""
            select count(*) from points_ledger l join shop s on s.shop_id = l.shop_id
             where s.platform_shop_key = ?\
            """, shop);
    }
}
