package org.duet.fuzz;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One fuzzing run: makes inputs from choices (a mutant of a seed program and a plan), runs them through the guarded
 * pipeline, writes each new kind of finding (by signature) as a regression input, and counts. A finding whose
 * signature belongs to an open regression input (one marked {@code disabled:}, routed to another part of the work)
 * is counted as known and does not stop the run; any other finding fails it — unless {@code keepGoing}, where every
 * finding is written and counted and the caller decides at the end.
 */
final class Harness implements AutoCloseable {
    private final Mutator mutator = new Mutator(Seeds.get());
    private final Guard guard = new Guard();
    private final Set<String> open = new HashSet<>();
    private final String source;
    private final boolean keepGoing;

    long inputs;
    final Map<String, Long> reached = new TreeMap<>();
    final Map<String, Long> known = new TreeMap<>();
    final Map<String, Path> found = new LinkedHashMap<>();
    private final Map<String, Integer> shortest = new HashMap<>();
    /** Milliseconds spent per outcome, and the slowest inputs (for tuning the run). */
    final Map<String, Long> millis = new TreeMap<>();

    final java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>();

    Harness(String source, boolean keepGoing) {
        this.source = source;
        this.keepGoing = keepGoing;
        for (Regressions.Input in : Regressions.all())
            if (in.disabled() != null) open.add(FuzzRegressionTest.resource(in.signature()));
    }

    /**
     * Runs every seed once, unmutated, dragged and related, with a time limit of a minute: Jazzer instruments each
     * class when it is first loaded, which can take seconds, and would otherwise make the first inputs time out.
     */
    void warmUp() {
        long t0 = System.currentTimeMillis();
        List<Seeds.Seed> all = Seeds.get().all;
        for (int i = 0; i < all.size(); i += 6) {
            Seeds.Seed s = all.get(i);
            Plan plan = new Plan();
            plan.zonePick = 0;
            plan.dx = 3;
            plan.dy = -2;
            plan.renderDragged = true;
            plan.tool = "align-left";
            plan.featurePicks = new int[] {1, 9};
            try {
                guard.run(s.text(), plan, 60_000);
            } catch (Pipeline.Finding f) {
                record(f, new Mutator.Mutant(s.text(), s.name(), java.util.List.of()), plan, "warm-up");
            }
        }
        System.err.println("fuzz: warm-up with every 6th seed took " + (System.currentTimeMillis() - t0) + " ms");
    }

    /** One input from the choices; throws {@link Pipeline.Finding} for a new problem (unless keepGoing). */
    void one(Choices c, String where) {
        Mutator.Mutant m = mutator.mutant(c);
        Plan plan = Plan.of(c);
        inputs++;
        long t0 = System.nanoTime();
        try {
            guard.pipeline.reached = "start";
            guard.run(m.text(), plan);
            reached.merge(guard.pipeline.reached, 1L, Long::sum);
            took(guard.pipeline.reached, t0, m);
        } catch (Pipeline.Finding f) {
            reached.merge("finding", 1L, Long::sum);
            took("finding", t0, m);
            record(f, m, plan, where);
        }
    }

    /** Every finding of the run by signature (known open ones included). */
    final Map<String, Long> hits = new TreeMap<>();

    private void record(Pipeline.Finding f, Mutator.Mutant m, Plan plan, String where) {
        hits.merge(f.signature, 1L, Long::sum);
        // an open problem is matched as the replay matches it: running out of time or memory in the same stage
        if (open.contains(FuzzRegressionTest.resource(f.signature))) {
            known.merge(f.signature, 1L, Long::sum);
            return;
        }
        Map<String, String> about = new LinkedHashMap<>();
        about.put("found", java.time.LocalDate.now() + " by " + source + " (" + where + ")");
        about.put("base", m.base());
        about.put("steps", String.join("; ", m.steps()));
        Integer before = shortest.get(f.signature);
        if (before == null || m.text().length() < before) {
            // one file per signature in a run: the shortest program seen
            Path old = found.get(f.signature);
            Path file = Regressions.write(f, m.text(), plan, about);
            if (old != null && !old.equals(file)) old.toFile().delete();
            found.put(f.signature, file);
            shortest.put(f.signature, m.text().length());
            System.err.println("fuzz: finding " + f.signature + " → " + file);
        }
        if (!keepGoing) throw f;
    }

    /**
     * The seeded run: {@code runs} inputs (each made from its own seed, drawn from {@code seed}, so that input i can
     * be made again alone), stopping early after {@code seconds}; a summary every {@code every} inputs (0: none).
     */
    long runSeeded(long seed, long runs, long seconds, long every) {
        java.util.Random rnd = new java.util.Random(seed);
        long t0 = System.currentTimeMillis();
        for (long i = 0; i < runs; i++) {
            if (System.currentTimeMillis() - t0 > seconds * 1000) {
                System.err.println("fuzz: stopped at the time cap of " + seconds + " s");
                break;
            }
            long inputSeed = rnd.nextLong();
            one(
                    Choices.of(new java.util.Random(inputSeed)),
                    "seed " + seed + ", input " + i + ", input seed " + inputSeed);
            if (every > 0 && (i + 1) % every == 0) System.err.println(summary(System.currentTimeMillis() - t0));
        }
        return System.currentTimeMillis() - t0;
    }

    private void took(String outcome, long t0, Mutator.Mutant m) {
        long ms = (System.nanoTime() - t0) / 1_000_000;
        millis.merge(outcome, ms, Long::sum);
        if (slowest.size() < 5 || ms > slowest.firstKey()) {
            slowest.put(ms, m.base() + " " + m.steps());
            if (slowest.size() > 5) slowest.pollFirstEntry();
        }
    }

    String slow() {
        StringBuilder sb = new StringBuilder("fuzz: ms per outcome " + millis + "; slowest inputs:");
        for (Map.Entry<Long, String> e : slowest.descendingMap().entrySet())
            sb.append("\n  ")
                    .append(e.getKey())
                    .append(" ms ")
                    .append(Mutator.abbreviate(e.getValue().replace('\n', ' ')));
        return sb.toString();
    }

    String summary(long millis) {
        return String.format(
                "fuzz %s: %d inputs in %.1f s (%.0f/s); reached %s; known open %s; new findings %s; all findings %s",
                source,
                inputs,
                millis / 1000.0,
                inputs * 1000.0 / Math.max(1, millis),
                reached,
                known,
                found.keySet(),
                hits);
    }

    @Override
    public void close() {
        guard.close();
    }
}
