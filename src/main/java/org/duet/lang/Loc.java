package org.duet.lang;

/**
 * A location: one numeric literal of a program, with a stable id (its index in source order within its program),
 * its annotation, its slider range and the name it is directly bound to. Locations are the leaves of traces.
 */
public final class Loc implements Trace {
    public static final Loc DUMMY = new Loc(0, 0, false, Annotation.FROZEN, null, -1, -1);

    /** A constant made by the runtime (e.g. the 2 in a BOX's centre): frozen, no place in any program. */
    public static Loc constant(double v) {
        return new Loc(0, v, true, Annotation.FROZEN, null, -1, -1);
    }

    public enum Annotation {
        NONE(""),
        FROZEN("!"),
        THAWED("?"),
        ASSIGN_ONCE("~");
        public final String text;

        Annotation(String text) {
            this.text = text;
        }
    }

    /** A slider range {lo-hi}; integral if both bounds are integers. */
    public record Range(double lo, double hi) {
        public boolean integral() {
            return lo == Math.floor(lo) && hi == Math.floor(hi);
        }
    }

    int id;
    /** The literal's value as written. */
    public final double value;
    /** True for locations of the prelude (never changed by edits). */
    public final boolean prelude;

    public final Annotation annotation;
    public final Range range;
    /** Offsets of the numeral's digits (sign included, annotation and range excluded) in the source text. */
    public final int numStart, numEnd;

    String name = "";

    public Loc(int id, double value, boolean prelude, Annotation annotation, Range range, int numStart, int numEnd) {
        this.id = id;
        this.value = value;
        this.prelude = prelude;
        this.annotation = annotation;
        this.range = range;
        this.numStart = numStart;
        this.numEnd = numEnd;
    }

    /** Index of the literal in its program's source order, from 1 (0 for numbers made by the runtime). */
    public int id() {
        return id;
    }

    /** The variable this literal is directly bound to, or "". */
    public String name() {
        return name;
    }

    /** True if edits must never change this location by default (prelude or '!'). */
    public boolean frozen() {
        return prelude || annotation == Annotation.FROZEN;
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "loc_" + id : name) + "=" + JsNumber.toString(value);
    }
}
