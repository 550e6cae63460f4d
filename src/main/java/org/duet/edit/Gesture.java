package org.duet.edit;

import java.util.List;

/**
 * What the user did with a drawing tool, in canvas units (rounded to whole pixels when written into the program).
 * Drag tools use the first two points (mouse-down position after the first move, mouse-up position); click tools
 * use every point in click order. {@code color} is the colour number C (0–499), or null for a deterministic
 * default; {@code function} is the λ tool's function (null: the prelude's {@code star}).
 */
public record Gesture(List<Click> points, boolean shift, boolean closed, Integer color, LambdaFunction function) {
    /** How a path click was made: a plain click, or holding Q (quadratic control point) or C (cubic control point). */
    public enum ClickKind {
        PLAIN,
        Q,
        C
    }

    /** One point of a gesture. */
    public record Click(double x, double y, ClickKind kind) {
        public Click {
            if (kind == null) kind = ClickKind.PLAIN;
        }

        public static Click at(double x, double y) {
            return new Click(x, y, ClickKind.PLAIN);
        }
    }

    public Gesture {
        points = List.copyOf(points);
    }

    /** A drag from (x1, y1) to (x2, y2). */
    public static Gesture drag(double x1, double y1, double x2, double y2) {
        return new Gesture(List.of(Click.at(x1, y1), Click.at(x2, y2)), false, false, null, null);
    }

    /** Clicked points (polygon, path). */
    public static Gesture clicks(List<Click> points) {
        return new Gesture(points, false, false, null, null);
    }

    public Gesture withShift(boolean s) {
        return new Gesture(points, s, closed, color, function);
    }

    /** A path that ends on its first point. */
    public Gesture withClosed(boolean c) {
        return new Gesture(points, shift, c, color, function);
    }

    public Gesture withColor(Integer c) {
        return new Gesture(points, shift, closed, c, function);
    }

    public Gesture withFunction(LambdaFunction f) {
        return new Gesture(points, shift, closed, color, f);
    }
}
