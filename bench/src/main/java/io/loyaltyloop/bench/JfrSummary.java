package io.loyaltyloop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of {@link DrainBacklog} (its worker threads are named {@code drain-N}):
 * where the apply path spends its CPU (execution samples, or JDK 25's CPU-time samples) and its
 * wall time while blocked in native code (socket reads: waiting for PostgreSQL).
 *
 * <p>Three views per sample kind: by layer (the first matching frame from the top: jOOQ rendering,
 * binding, pgjdbc, HikariCP, ...), by engine method (the innermost {@code io.loyaltyloop} frame,
 * i.e. which repository call the time is spent under), and the top self frames.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.loyaltyloop.bench.JfrSummary recording.jfr}; {@code
 * -DthreadPrefix=http-nio} for a recording of the backend under {@link IngestWebhooks} (Tomcat's
 * threads), {@code ""} for every thread.
 */
public final class JfrSummary {

    /** Layers, matched from the top frame down; the first frame matching any rule decides. */
    private static final List<Map.Entry<String, String>> LAYERS = List.of(
            Map.entry("org.postgresql.", "pgjdbc (protocol, parse results)"),
            Map.entry("com.zaxxer.hikari.", "HikariCP"),
            Map.entry("org.jooq.impl.DefaultRenderContext", "jOOQ render SQL"),
            Map.entry("org.jooq.impl.AbstractContext.visit", "jOOQ render SQL"),
            Map.entry("org.jooq.impl.DefaultBindContext", "jOOQ bind values"),
            Map.entry("org.jooq.impl.DefaultBinding", "jOOQ bind values"),
            Map.entry("org.jooq.impl.CursorImpl", "jOOQ fetch / map records"),
            Map.entry("org.jooq.impl.RecordDelegate", "jOOQ fetch / map records"),
            Map.entry("org.jooq.impl.DefaultExecuteContext", "jOOQ execute lifecycle"),
            Map.entry("org.jooq.impl.ExecuteListeners", "jOOQ execute lifecycle"),
            Map.entry("org.jooq.impl.ThreadLocalTransactionProvider", "jOOQ transaction"),
            Map.entry("org.jooq.impl.DefaultTransactionProvider", "jOOQ transaction"),
            Map.entry("org.jooq.", "jOOQ other (DSL building, Tools)"),
            Map.entry("io.loyaltyloop.bench.", "bench (event generation, histogram)"),
            // The webhook edge in app-backend (IngestWebhooks recordings of the backend JVM).
            Map.entry("com.sun.crypto.provider.", "HMAC-SHA256 (JCE)"),
            Map.entry("sun.security.provider.", "HMAC-SHA256 (JCE)"),
            Map.entry("tools.jackson.", "Jackson (JSON syntax check)"),
            Map.entry("ch.qos.logback.", "logging"),
            Map.entry("org.slf4j.", "logging"),
            Map.entry("io.loyaltyloop.", "loyaltyloop code (engine, webhook controller)"),
            Map.entry("org.springframework.", "Spring (MVC, transactions)"),
            Map.entry("org.apache.", "Tomcat (HTTP parsing, servlet)"),
            Map.entry("sun.nio.ch.", "socket I/O (NIO)"));

    /** Only samples of threads whose name starts with this: drain-* for DrainBacklog, "" for all. */
    private static final String THREADS = System.getProperty("threadPrefix", "drain-");

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Summary> summaries = new LinkedHashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            String type = event.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample")
                    && !type.equals("jdk.CPUTimeSample")
                    && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            var thread = event.getThread(type.equals("jdk.CPUTimeSample") ? "eventThread" : "sampledThread");
            if (thread == null
                    || thread.getJavaName() == null
                    || !thread.getJavaName().startsWith(THREADS)) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                continue;
            }
            summaries.computeIfAbsent(type, Summary::new).add(stack.getFrames());
        }
        summaries.values().forEach(s -> s.print(top));
    }

    private static final class Summary {
        final String type;
        long samples;
        final Map<String, Long> byLayer = new HashMap<>();
        final Map<String, Long> byEngineMethod = new HashMap<>();
        final Map<String, Long> bySelf = new HashMap<>();
        final Map<String, Long> inclusive = new HashMap<>();

        Summary(String type) {
            this.type = type;
        }

        void add(List<RecordedFrame> frames) {
            samples++;
            bySelf.merge(name(frames.getFirst()), 1L, Long::sum);
            frames.stream().map(Summary::name).distinct().forEach(n -> inclusive.merge(n, 1L, Long::sum));
            String layer = "JDK / other";
            outer:
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                for (var rule : LAYERS) {
                    if (name.startsWith(rule.getKey())) {
                        layer = rule.getValue();
                        break outer;
                    }
                }
            }
            byLayer.merge(layer, 1L, Long::sum);
            String engine = "(outside engine code)";
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (name.startsWith("io.loyaltyloop.")
                        && !name.startsWith("io.loyaltyloop.bench.")
                        && !name.contains("lambda$")
                        && !name.startsWith("io.loyaltyloop.system.Transactions")) {
                    engine = name;
                    break;
                }
            }
            byEngineMethod.merge(engine, 1L, Long::sum);
        }

        void print(int top) {
            System.out.printf("%n===== %s: %,d samples on %s* threads =====%n", type, samples, THREADS);
            print("by layer (first matching frame from the top)", byLayer, top);
            print("by innermost engine method", byEngineMethod, top);
            print("top self frames", bySelf, top);
            print("top inclusive frames (share of samples with the method anywhere on the stack)", inclusive, 2 * top);
        }

        private void print(String title, Map<String, Long> counts, int top) {
            System.out.printf("-- %s%n", title);
            List<Map.Entry<String, Long>> rows = new ArrayList<>(counts.entrySet());
            rows.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            for (var row : rows.subList(0, Math.min(top, rows.size()))) {
                System.out.printf("%6.1f%%  %7d  %s%n", 100.0 * row.getValue() / samples, row.getValue(), row.getKey());
            }
        }

        private static String name(RecordedFrame frame) {
            return frame.getMethod().getType().getName() + "."
                    + frame.getMethod().getName();
        }
    }
}
