package org.duet.lang;

import java.util.Arrays;

/** The trace of a number computed by a numeric operator from numbers with the given traces. */
public final class OpTrace implements Trace {
    public final Op op;
    public final Trace[] args;
    /**
     * The operator application of the program (or of the prelude) that computed the number, or null when the number
     * was computed by the system (e.g. a BOX's width from its sides). Not part of equality.
     */
    public final Expr.OpApp at;

    public OpTrace(Op op, Trace... args) {
        this(op, null, args);
    }

    public OpTrace(Op op, Expr.OpApp at, Trace... args) {
        this.op = op;
        this.at = at;
        this.args = args;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(").append(op.word);
        for (Trace t : args) sb.append(' ').append(t);
        return sb.append(')').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpTrace && ((OpTrace) o).op == op && Arrays.equals(((OpTrace) o).args, args);
    }

    @Override
    public int hashCode() {
        return op.hashCode() * 31 + Arrays.hashCode(args);
    }
}
