package org.duet.svg;

import org.duet.eval.Value;

/**
 * One attribute of an element: its name, the program's value (numbers keep their traces, for live
 * synchronisation), how that value is encoded, and the printed text.
 */
public final class Attr {
    /** Which encoding rule applied to the value. */
    public enum Kind {
        POINTS,
        RGBA,
        COLOR_NUMBER,
        COLOR_OPACITY,
        PATH,
        TRANSFORM,
        BOUNDS,
        NUMBER,
        STRING
    }

    public final String name;
    public final Value value;
    public final Kind kind;
    public final String text;

    public Attr(String name, Value value, Kind kind, String text) {
        this.name = name;
        this.value = value;
        this.kind = kind;
        this.text = text;
    }

    /** The number of a NUMBER attribute, else NaN. */
    public double number() {
        return kind == Kind.NUMBER ? ((Value.Num) value).v : Double.NaN;
    }

    @Override
    public String toString() {
        return name + "=" + text;
    }
}
