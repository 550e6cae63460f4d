package org.duet.sync;

import org.duet.lang.Trace;

/**
 * One number of a shape's attributes with its trace: a numeric attribute ({@code x}, {@code r}, {@code LEFT} of a
 * BOX), a coordinate of a polygon point ({@code points[2].y}), a number of a path ({@code d[3].x} for the 3rd
 * numbered point, {@code d#7} for the 7th number otherwise), a colour number ({@code fill}), an opacity
 * ({@code fill.opacity}), a transform argument ({@code transform.rotate}, {@code transform[1][0]}) …
 */
public final class Feature {
    final String key;
    /** The value the program produced. */
    final double value;

    final Trace trace;
    /** Popularity weight for the Biased heuristic (2 for a BOX/OVAL side that is a bare literal, else 1). */
    final int weight;
    /** Index of the element it belongs to (−1 for a slider). */
    int element = -1;
    /** Position in the table's list of all features (−1 for a slider). */
    int index = -1;
    /** The compiled trace, or null if it cannot be re-evaluated (it depends on a number made at run time). */
    TraceExpr expr;
    /**
     * True if the trace was left uncompiled because the drawing's traces are too large to compile each on its own
     * (see {@code Features.limitCompiling}): like a run-time number, it cannot be re-evaluated.
     */
    boolean tooLarge;
    /** Candidate locations (ids, increasing) after de-prioritising index literals; all candidates before that. */
    int[] cands = new int[0], allCands = new int[0];
    /** {@link #allCands} as locations (made by the table once it is final). */
    java.util.List<org.duet.lang.Loc> candidateLocs;

    Feature(String key, double value, Trace trace, int weight) {
        this.key = key;
        this.value = value;
        this.trace = trace;
        this.weight = weight;
    }

    /** The key ({@code x}, {@code LEFT}, {@code points[2].y}, {@code d[3].x}, {@code fill.opacity}, …). */
    public String key() {
        return key;
    }

    /** The value the program produced. */
    public double value() {
        return value;
    }

    /** How the value was computed. */
    public Trace trace() {
        return trace;
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
