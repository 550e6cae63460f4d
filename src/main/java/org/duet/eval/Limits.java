package org.duet.eval;

/** Resource limits of one evaluation. A program that reaches one stops with a clear error. */
public final class Limits {
    public static final Limits DEFAULT = new Limits(10_000_000L, 100_000, 100_000, 10_000_000, 50_000_000L);

    /** Evaluation steps (one per expression evaluated). */
    public final long maxSteps;
    /** Nesting of evaluations (function calls within function calls). */
    public final int maxDepth;
    /** Elements in the output drawing. */
    public final int maxShapes;
    /** Characters in any one string. */
    public final int maxStringLength;
    /**
     * Characters of text in the whole drawing: its attribute values and text contents as printed, summed over its
     * shapes. Strings are shared, so a drawing of many shapes that each carry one long string would otherwise print
     * far more than any one string's limit.
     */
    public final long maxDrawingChars;

    public Limits(long maxSteps, int maxDepth, int maxShapes, int maxStringLength, long maxDrawingChars) {
        this.maxSteps = maxSteps;
        this.maxDepth = maxDepth;
        this.maxShapes = maxShapes;
        this.maxStringLength = maxStringLength;
        this.maxDrawingChars = maxDrawingChars;
    }

    public Limits withMaxSteps(long s) {
        return new Limits(s, maxDepth, maxShapes, maxStringLength, maxDrawingChars);
    }

    public Limits withMaxDepth(int d) {
        return new Limits(maxSteps, d, maxShapes, maxStringLength, maxDrawingChars);
    }

    public Limits withMaxShapes(int n) {
        return new Limits(maxSteps, maxDepth, n, maxStringLength, maxDrawingChars);
    }

    public Limits withMaxStringLength(int n) {
        return new Limits(maxSteps, maxDepth, maxShapes, n, maxDrawingChars);
    }

    public Limits withMaxDrawingChars(long n) {
        return new Limits(maxSteps, maxDepth, maxShapes, maxStringLength, n);
    }
}
