package io.loyaltyloop.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;

/**
 * Counts and times every statement jOOQ executes, by SQL text (binds are placeholders, so one shape
 * is one key), plus transaction begin / commit / rollback. Times are client-side wall time: from
 * jOOQ's {@code start} (before rendering) to {@code end} (after the result is read), so they include
 * rendering, binding, the round trip and the server's work.
 */
public final class StatementStats implements ExecuteListener, TransactionListener {

    private static final String START = StatementStats.class.getName() + ".start";
    private static final String EXECUTE = StatementStats.class.getName() + ".execute";

    private final Map<String, Stat> statements = new ConcurrentHashMap<>();
    private final Stat begin = new Stat("BEGIN (setAutoCommit false)");
    private final Stat commit = new Stat("COMMIT");
    private final Stat rollback = new Stat("ROLLBACK");

    /** One statement shape: how often, how long in total, and how long of that in execute. */
    public static final class Stat {
        final String sql;
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
        final LongAdder executeNanos = new LongAdder();

        Stat(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        public long count() {
            return count.sum();
        }

        public long nanos() {
            return nanos.sum();
        }

        public long executeNanos() {
            return executeNanos.sum();
        }
    }

    public void reset() {
        statements.clear();
        for (Stat s : List.of(begin, commit, rollback)) {
            s.count.reset();
            s.nanos.reset();
            s.executeNanos.reset();
        }
    }

    @Override
    public void start(ExecuteContext ctx) {
        ctx.data(START, System.nanoTime());
    }

    @Override
    public void executeStart(ExecuteContext ctx) {
        ctx.data(EXECUTE, System.nanoTime());
    }

    @Override
    public void executeEnd(ExecuteContext ctx) {
        Object started = ctx.data(EXECUTE);
        if (started != null && ctx.sql() != null) {
            stat(ctx.sql()).executeNanos.add(System.nanoTime() - (long) started);
        }
    }

    @Override
    public void end(ExecuteContext ctx) {
        Object started = ctx.data(START);
        if (started != null && ctx.sql() != null) {
            Stat stat = stat(ctx.sql());
            stat.count.increment();
            stat.nanos.add(System.nanoTime() - (long) started);
        }
    }

    private Stat stat(String sql) {
        return statements.computeIfAbsent(sql, Stat::new);
    }

    @Override
    public void beginStart(TransactionContext ctx) {
        ctx.data(START, System.nanoTime());
    }

    @Override
    public void beginEnd(TransactionContext ctx) {
        record(ctx, begin);
    }

    @Override
    public void commitStart(TransactionContext ctx) {
        ctx.data(START, System.nanoTime());
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        record(ctx, commit);
    }

    @Override
    public void rollbackStart(TransactionContext ctx) {
        ctx.data(START, System.nanoTime());
    }

    @Override
    public void rollbackEnd(TransactionContext ctx) {
        record(ctx, rollback);
    }

    private static void record(TransactionContext ctx, Stat stat) {
        Object started = ctx.data(START);
        if (started != null) {
            stat.count.increment();
            stat.nanos.add(System.nanoTime() - (long) started);
        }
    }

    public List<Stat> statements() {
        List<Stat> all = new ArrayList<>(statements.values());
        all.sort(Comparator.comparingLong(Stat::nanos).reversed());
        return all;
    }

    public long statementCount() {
        return statements.values().stream().mapToLong(Stat::count).sum();
    }

    public long statementNanos() {
        return statements.values().stream().mapToLong(Stat::nanos).sum();
    }

    public Stat commit() {
        return commit;
    }

    public Stat begin() {
        return begin;
    }

    public Stat rollback() {
        return rollback;
    }

    /** A readable table of the statements per event, costliest first. */
    public String report(long events, long applyNanos) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "%n%-6s %8s %9s %7s %7s  %s%n", "per ev", "count", "mean µs", "exec µs", "share", "statement"));
        List<Stat> rows = new ArrayList<>(statements());
        rows.add(commit);
        rows.add(begin);
        if (rollback.count() > 0) {
            rows.add(rollback);
        }
        rows.sort(Comparator.comparingLong(Stat::nanos).reversed());
        for (Stat s : rows) {
            if (s.count() == 0) {
                continue;
            }
            out.append(String.format(
                    "%6.2f %8d %9.1f %7.1f %6.1f%%  %s%n",
                    (double) s.count() / events,
                    s.count(),
                    s.nanos() / 1000.0 / s.count(),
                    s.executeNanos() / 1000.0 / s.count(),
                    100.0 * s.nanos() / applyNanos,
                    shorten(s.sql())));
        }
        long sqlNanos = statementNanos() + commit.nanos() + begin.nanos() + rollback.nanos();
        out.append(String.format(
                "%nstatements/event %.2f (+ %.2f commits/event); SQL+commit wall time %.1f%% of apply time,"
                        + " the rest (%.1f%%) is Java outside jOOQ's execute lifecycle%n",
                (double) statementCount() / events,
                (double) commit.count() / events,
                100.0 * sqlNanos / applyNanos,
                100.0 - 100.0 * sqlNanos / applyNanos));
        return out.toString();
    }

    static String shorten(String sql) {
        String s = sql.replace("\"public\".", "").replace("\"", "");
        s = s.replaceAll("\\b(\\w+)\\.(\\w+)", "$2");
        return s.length() > 150 ? s.substring(0, 147) + "..." : s;
    }
}
