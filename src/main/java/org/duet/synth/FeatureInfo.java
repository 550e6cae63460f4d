package org.duet.synth;

import org.duet.lang.Trace;

/**
 * One feature of a shape (interaction.md §7.2): a number the user can select and relate, such as {@code rectTLX} (the
 * x of the top-left corner), {@code rectWidth}, {@code polygonMidptY2} or {@code fill}.
 *
 * <p>{@link #equation} is how the feature is computed from the shape's attribute traces (e.g. {@code x + width / 2}
 * for {@code rectCX}, with the untracked constant 2), so its leaves are the program's literals. Geometry, in canvas
 * units (before any rotation): a point feature ({@link Kind#X}, {@link Kind#Y}) lies at ({@link #x}, {@link #y}) and
 * belongs to the point {@link #point} ({@code TL}, {@code C}, {@code Pt3}, {@code Midpt1}, {@code P1} …; the X and Y
 * features of one point share it, which is what a crosshair shows); a {@link Kind#DISTANCE} is drawn as the segment
 * ({@link #x1}, {@link #y1})–({@link #x2}, {@link #y2}); unused coordinates are NaN.
 */
public final class FeatureInfo {
    public enum Kind {
        X,
        Y,
        DISTANCE,
        OTHER
    }

    /** The shape's number (index in {@code Canvas.elements()}). */
    public final int shape;
    /** The feature's name, e.g. {@code rectTLX}. */
    public final String name;

    public final Kind kind;
    public final double value;
    /** The point it belongs to (X and Y features), else null. */
    public final String point;

    public final double x, y, x1, y1, x2, y2;
    /** How the value is computed from the program's literals. */
    public final Trace equation;
    /** The equation in little syntax over the shape's attribute names, e.g. {@code (+ x (/ width 2))}. */
    public final String formula;

    FeatureInfo(
            int shape,
            String name,
            Kind kind,
            double value,
            String point,
            double x,
            double y,
            double x1,
            double y1,
            double x2,
            double y2,
            Trace equation,
            String formula) {
        this.shape = shape;
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.point = point;
        this.x = x;
        this.y = y;
        this.x1 = x1;
        this.y1 = y1;
        this.x2 = x2;
        this.y2 = y2;
        this.equation = equation;
        this.formula = formula;
    }

    /** The reference the relate tools take: {@code N.name}, e.g. {@code 2.rectTLX}. */
    public String ref() {
        return shape == FeatureCatalog.SLIDERS ? name : shape + "." + name;
    }

    @Override
    public String toString() {
        return ref() + "=" + value;
    }
}
