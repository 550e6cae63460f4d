package org.duet.fuzz;

import java.util.Map;

/**
 * The long seeded run outside JUnit (bench/fuzz.sh), so that the script controls the JVM (one core, heap):
 * {@code FuzzMain RUNS [SEED]}. Every finding is written as a regression input and the run goes on; it prints a
 * summary every 10 000 inputs and at the end, and exits 1 if there was a new finding.
 */
public final class FuzzMain {
    private FuzzMain() {}

    public static void main(String[] args) {
        long runs = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1L;
        long every = Long.getLong("duet.fuzz.reportEvery", 10_000L);
        try (Harness h = new Harness("FuzzMain", true)) {
            h.warmUp();
            long ms = h.runSeeded(seed, runs, Long.MAX_VALUE / 2000, every);
            System.out.println(h.summary(ms));
            System.out.println(h.slow());
            for (Map.Entry<String, java.nio.file.Path> e : h.found.entrySet())
                System.out.println("new finding " + e.getKey() + " → " + e.getValue());
            System.exit(h.found.isEmpty() ? 0 : 1);
        }
    }
}
