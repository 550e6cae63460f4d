package org.duet.eval;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs parsing and evaluation on threads with a large stack, so that deeply recursive programs (and deeply nested
 * source) are limited by Duet's own depth limits with a clear message, never by a StackOverflowError.
 */
public final class Runner {
    private Runner() {}

    /** Stack size of evaluation threads: reserved address space, committed only as far as it is used. */
    public static final long STACK_BYTES = 1L << 30;

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
                Thread t = new Thread(null, r, "duet-eval-" + COUNT.incrementAndGet(), STACK_BYTES);
                t.setDaemon(true);
                return t;
            });

    private static final ThreadLocal<Boolean> ON_BIG_STACK = ThreadLocal.withInitial(() -> false);

    /** An executor whose tasks run on big-stack threads (for evaluations started asynchronously, e.g. by the editor). */
    public static final java.util.concurrent.Executor EXECUTOR = task -> POOL.execute(() -> {
        ON_BIG_STACK.set(true);
        try {
            task.run();
        } finally {
            ON_BIG_STACK.set(false);
        }
    });

    /** Runs the task on a big-stack thread (or directly, if already on one) and returns its result. */
    public static <T> T call(Callable<T> task) {
        if (ON_BIG_STACK.get()) return callHere(task);
        Future<T> f = POOL.submit(() -> {
            ON_BIG_STACK.set(true);
            try {
                return callHere(task);
            } finally {
                ON_BIG_STACK.set(false);
            }
        });
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new org.duet.lang.DuetException("evaluation interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) throw (RuntimeException) c;
            if (c instanceof Error) throw (Error) c;
            throw new IllegalStateException(c);
        }
    }

    private static <T> T callHere(Callable<T> task) {
        try {
            return task.call();
        } catch (StackOverflowError e) {
            throw new Evaluator.Stopped("evaluation stopped: the program recursed too deeply for the stack");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
