package org.duet.fuzz;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each input through the {@link Pipeline} on a worker thread with an ordinary 1 MB stack (as a Jetty thread or
 * the command line has: Duet must move deep work to its own big stacks) and a wall-clock limit per input. An input
 * still running at the limit is a finding; its threads are then stopped so that the run can go on.
 */
final class Guard implements AutoCloseable {
    /** Generous: limits are meant to stop every input well within it. */
    static final long TIMEOUT_MS = Long.getLong("duet.fuzz.timeoutMs", 5_000L);

    private static final AtomicInteger COUNT = new AtomicInteger();
    private final AtomicReference<Thread> worker = new AtomicReference<>();
    private ExecutorService executor = newExecutor();
    final Pipeline pipeline = new Pipeline();

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "duet-fuzz-" + COUNT.incrementAndGet(), 1L << 20);
            t.setDaemon(true);
            worker.set(t);
            return t;
        });
    }

    /** Runs one input; throws {@link Pipeline.Finding} for a problem (a time-out included). */
    void run(String text, Plan plan) {
        run(text, plan, TIMEOUT_MS);
    }

    /**
     * Runs one input. Each of Duet's stages (parse, render, each writer, zones, drag, relate, …) must end within
     * {@code timeoutMs}; the harness's own checks are not timed, and the whole input has 6 × that as a backstop.
     */
    void run(String text, Plan plan, long timeoutMs) {
        pipeline.stageStart = 0;
        pipeline.stage = "start";
        Future<?> f = executor.submit(() -> pipeline.run(text, plan));
        long start = System.nanoTime();
        try {
            while (true) {
                try {
                    f.get(50, TimeUnit.MILLISECONDS);
                    break;
                } catch (TimeoutException slice) {
                    long now = System.nanoTime(), stageStart = pipeline.stageStart;
                    boolean stageLate = !pipeline.stage.startsWith(Pipeline.CHECK)
                            && stageStart != 0
                            && now - stageStart > timeoutMs * 1_000_000;
                    if (stageLate || now - start > 6 * timeoutMs * 1_000_000) throw slice;
                }
            }
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof Pipeline.Finding) throw (Pipeline.Finding) c;
            throw Pipeline.exception(pipeline.stage, c);
        } catch (TimeoutException e) {
            String stage = pipeline.stage;
            StackTraceElement[] busy = busyStack();
            // the method of Duet's code most often on the stack (ties: the innermost), which stays the same
            // wherever in the runaway the sample was taken
            java.util.Map<String, Integer> count = new java.util.LinkedHashMap<>();
            for (StackTraceElement s : busy)
                if (s.getClassName().startsWith("org.duet.")
                        && !s.getClassName().startsWith("org.duet.fuzz."))
                    count.merge(s.getClassName() + "." + s.getMethodName(), 1, Integer::sum);
            String frame = "?";
            int best = 0;
            for (java.util.Map.Entry<String, Integer> entry : count.entrySet())
                if (entry.getValue() > best) {
                    best = entry.getValue();
                    frame = entry.getKey();
                }
            Pipeline.Finding finding = new Pipeline.Finding(
                    "timeout:" + stage + "@" + frame,
                    "stage " + stage + " of the " + "input was still running after " + timeoutMs + " ms"
                            + " (ms per stage before it: " + pipeline.stageMillis + ")",
                    null);
            finding.setStackTrace(busy);
            stopEverything(f);
            throw finding;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("fuzzing interrupted", e);
        }
    }

    /** The stack of the busiest Duet thread: an evaluation thread if one is running Duet code, else the worker. */
    private StackTraceElement[] busyStack() {
        for (Map.Entry<Thread, StackTraceElement[]> e :
                Thread.getAllStackTraces().entrySet()) {
            if (e.getKey().getName().startsWith("duet-eval-") && runsDuet(e.getValue())) return e.getValue();
        }
        Thread w = worker.get();
        return w == null ? new StackTraceElement[0] : w.getStackTrace();
    }

    private static boolean runsDuet(StackTraceElement[] st) {
        for (StackTraceElement s : st) if (s.getClassName().startsWith("org.duet.")) return true;
        return false;
    }

    /** Stops the runaway input: its worker and the evaluation threads running Duet code (test code only). */
    @SuppressWarnings({"deprecation", "removal"})
    private void stopEverything(Future<?> f) {
        f.cancel(true);
        Thread w = worker.get();
        executor.shutdownNow();
        for (int round = 0; round < 50; round++) {
            boolean any = false;
            for (Map.Entry<Thread, StackTraceElement[]> e :
                    Thread.getAllStackTraces().entrySet()) {
                Thread t = e.getKey();
                if ((t.getName().startsWith("duet-eval-") && runsDuet(e.getValue())) || (t == w && t.isAlive())) {
                    any = true;
                    t.stop();
                }
            }
            if (!any) break;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        executor = newExecutor();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
