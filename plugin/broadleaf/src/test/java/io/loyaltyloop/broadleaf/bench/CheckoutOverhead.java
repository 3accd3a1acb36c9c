package io.loyaltyloop.broadleaf.bench;

import io.loyaltyloop.broadleaf.checkout.LoyaltyCheckoutActivity;
import io.loyaltyloop.broadleaf.testing.BroadleafSite;
import io.loyaltyloop.broadleaf.testing.Checkouts;
import io.loyaltyloop.broadleaf.testing.Checkouts.Line;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.workflow.Activity;
import org.broadleafcommerce.core.workflow.ProcessContext;
import org.broadleafcommerce.core.workflow.SequenceProcessor;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * QUALITY.md P6: what the module adds to a Broadleaf checkout, side by side in one run. One real
 * service context (HSQLDB in memory, the module merged); the checkout workflow runs with the
 * module's activity and without it (the same workflow bean, its activity list swapped), in
 * interleaved rounds so that warm-up and drift fall on both alike. Timed: {@code performCheckout}
 * only (the workflow, where the activity writes its outbox row); the cart is built untimed. The
 * sender is off (the test site's properties): its work is never on the customer's path.
 *
 * <pre>
 * mvn -B -q -pl plugin/broadleaf test-compile exec:exec -Dexec.classpathScope=test \
 *   -Dexec.executable=java -Dexec.args="--add-opens java.base/java.lang=ALL-UNNAMED \
 *   --add-opens java.base/java.util=ALL-UNNAMED -cp %classpath io.loyaltyloop.broadleaf.bench.CheckoutOverhead"
 * </pre>
 *
 * Properties: {@code -Dwarmup=300 -Drounds=10 -Dper=200}.
 */
public final class CheckoutOverhead {

    private CheckoutOverhead() {}

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("warmup", 300);
        int rounds = Integer.getInteger("rounds", 10);
        int per = Integer.getInteger("per", 200);
        SequenceProcessor workflow = BroadleafSite.bean("blCheckoutWorkflow", SequenceProcessor.class);
        List<Activity<ProcessContext<?>>> with = new ArrayList<>(workflow.getActivities());
        List<Activity<ProcessContext<?>>> without = new ArrayList<>(with);
        without.removeIf(a -> ((Object) a) instanceof LoyaltyCheckoutActivity);
        if (without.size() != with.size() - 1) {
            throw new IllegalStateException("the module's activity is not in blCheckoutWorkflow: " + with);
        }
        Customer customer = Checkouts.newCustomer();
        List<Line> basket = List.of(new Line("Hot Sauce", "9.99", 2), new Line("Salsa", "14.50", 1));

        for (int i = 0; i < warmup; i++) {
            workflow.setActivities(i % 2 == 0 ? with : without);
            Checkouts.checkout(customer, basket, null);
        }
        long[] withNanos = new long[rounds * per];
        long[] withoutNanos = new long[rounds * per];
        JdbcTemplate site = BroadleafSite.jdbc();
        int rowsBefore = site.queryForObject("select count(*) from loyalty_outbox", Integer.class);
        for (int round = 0; round < rounds; round++) {
            boolean withFirst = round % 2 == 0;
            for (int pass = 0; pass < 2; pass++) {
                boolean module = withFirst == (pass == 0);
                workflow.setActivities(module ? with : without);
                long[] into = module ? withNanos : withoutNanos;
                for (int i = 0; i < per; i++) {
                    int at = round * per + i;
                    Checkouts.checkout(customer, basket, null, cart -> {
                        long start = System.nanoTime();
                        Order submitted = Checkouts.submit(cart);
                        into[at] = System.nanoTime() - start;
                        return submitted;
                    });
                }
            }
        }
        workflow.setActivities(with);
        int rows = site.queryForObject("select count(*) from loyalty_outbox", Integer.class) - rowsBefore;

        System.out.printf(
                Locale.ROOT,
                "Broadleaf 3.1.15 checkout (performCheckout), %d rounds x %d each, %s%n",
                rounds,
                per,
                Runtime.version());
        System.out.println("| | checkouts | mean | p50 | p90 | p99 |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        print("without the module", withoutNanos);
        print("with the module", withNanos);
        System.out.printf(
                Locale.ROOT,
                "| added by the module | | %.3f ms | %.3f ms | %.3f ms | %.3f ms |%n",
                ms(mean(withNanos) - mean(withoutNanos)),
                ms(percentile(withNanos, 50) - percentile(withoutNanos, 50)),
                ms(percentile(withNanos, 90) - percentile(withoutNanos, 90)),
                ms(percentile(withNanos, 99) - percentile(withoutNanos, 99)));
        System.out.printf(
                Locale.ROOT,
                "outbox rows written in the measured checkouts: %d (expected %d)%n",
                rows,
                withNanos.length);
        System.exit(0);
    }

    private static void print(String name, long[] nanos) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %d | %.3f ms | %.3f ms | %.3f ms | %.3f ms |%n",
                name,
                nanos.length,
                ms(mean(nanos)),
                ms(percentile(nanos, 50)),
                ms(percentile(nanos, 90)),
                ms(percentile(nanos, 99)));
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0);
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(double nanos) {
        return nanos / 1_000_000.0;
    }
}
