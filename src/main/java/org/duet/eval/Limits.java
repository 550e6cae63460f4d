package org.duet.eval;

/** Resource limits of one evaluation. A program that reaches one stops with a clear error. */
public final class Limits {
    public static final Limits DEFAULT = new Limits(10_000_000L, 100_000, 100_000, 10_000_000);

    /** Evaluation steps (one per expression evaluated). */
    public final long maxSteps;
    /** Nesting of evaluations (function calls within function calls). */
    public final int maxDepth;
    /** Elements in the output drawing. */
    public final int maxShapes;
    /** Characters in any one string. */
    public final int maxStringLength;

    public Limits(long maxSteps, int maxDepth, int maxShapes, int maxStringLength) {
        this.maxSteps = maxSteps;
        this.maxDepth = maxDepth;
        this.maxShapes = maxShapes;
        this.maxStringLength = maxStringLength;
    }

    public Limits withMaxSteps(long s) { return new Limits(s, maxDepth, maxShapes, maxStringLength); }

    public Limits withMaxDepth(int d) { return new Limits(maxSteps, d, maxShapes, maxStringLength); }

    public Limits withMaxShapes(int n) { return new Limits(maxSteps, maxDepth, n, maxStringLength); }

    public Limits withMaxStringLength(int n) { return new Limits(maxSteps, maxDepth, maxShapes, n); }
}
