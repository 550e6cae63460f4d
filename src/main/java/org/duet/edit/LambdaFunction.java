package org.duet.edit;

/**
 * A function the λ tool can draw (interaction.md §6.2): {@code expression} is what is written as the last argument
 * of {@code (withBounds [left top right bot] expression)} or {@code (withAnchor ([x y] : Point) expression)}: a
 * function name, or a call {@code (f args)} copied from the most recent blob that uses f.
 */
public record LambdaFunction(String name, Takes takes, String expression) {
    /** What the function's last parameter is. */
    public enum Takes {
        /** {@code bounds} and/or {@code [left top right bot]}: drawn in the dragged box. */
        BOUNDS,
        /** {@code anchor} and/or {@code [xAnchor yAnchor]}: drawn at the first point of the drag. */
        ANCHOR
    }

    /** The prelude's star, the default. */
    public static final LambdaFunction STAR = new LambdaFunction("star", Takes.BOUNDS, "star");

    /** The entry as the tool's drop-down shows it: {@code bounds. star}, {@code anchor. (flower 'red')}. */
    public String label() {
        return (takes == Takes.BOUNDS ? "bounds. " : "anchor. ") + expression;
    }
}
