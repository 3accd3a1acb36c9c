package io.loyaltyloop.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The backend's heap under load (quality sheet P7: steady heap ≤ 512 MB), read with {@code jcmd
 * <pid> GC.heap_info} right after a measured phase — used and committed as the collector reports
 * them — then once more after {@code GC.run}, which leaves the live set. Also a {@code main} for
 * {@code bench/run}, which drives the backend from outside: {@code HeapInfo <pid>}.
 */
public final class HeapInfo {

    public static void main(String[] args) {
        print(Long.parseLong(args[0]));
    }

    static void print(long pid) {
        System.out.printf("heap under load    %s%n", heapLine(pid));
        jcmd(pid, "GC.run");
        System.out.printf("heap after GC.run  %s%n", heapLine(pid));
    }

    private static String heapLine(long pid) {
        return jcmd(pid, "GC.heap_info")
                .lines()
                .filter(line -> line.contains("total") && line.contains("used"))
                .findFirst()
                .map(String::trim)
                .orElse("? (jcmd gave no heap line)");
    }

    private static String jcmd(long pid, String command) {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process process = new ProcessBuilder(jcmd, Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private HeapInfo() {}
}
