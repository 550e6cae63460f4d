package org.duet.sync;

import org.duet.eval.Arith;

/**
 * An update rule of a zone: the desired new value of an attribute from its value at mouse-down and the total mouse
 * displacement (dx, dy). Each rule has an axis label ({@code dx}, {@code dy} or {@code dxy}) and a short text.
 */
final class Rule {
    interface Fn {
        double apply(double v, double dx, double dy);
    }

    final String axis;
    final String text;
    /** The rule for the browser's prediction (frontend/duet-predict.ts): a JSON array, name then parameters. */
    final String json;
    /** The ring radius of a rotation rule (NaN for other rules). */
    final double ring;

    private final Fn fn;

    private Rule(String axis, String text, String json, Fn fn) {
        this(axis, text, json, Double.NaN, fn);
    }

    private Rule(String axis, String text, String json, double ring, Fn fn) {
        this.axis = axis;
        this.text = text;
        this.json = json;
        this.ring = ring;
        this.fn = fn;
    }

    double apply(double v, double dx, double dy) {
        return fn.apply(v, dx, dy);
    }

    static final Rule PLUS_DX = new Rule("dx", "+dx", "[\"+dx\"]", (v, dx, dy) -> v + dx);
    static final Rule MINUS_DX = new Rule("dx", "-dx", "[\"-dx\"]", (v, dx, dy) -> v - dx);
    static final Rule PLUS_DY = new Rule("dy", "+dy", "[\"+dy\"]", (v, dx, dy) -> v + dy);
    static final Rule MINUS_DY = new Rule("dy", "-dy", "[\"-dy\"]", (v, dx, dy) -> v - dy);

    /** A circle's corner: r + max(sx·dx, sy·dy). */
    static Rule corner(int sx, int sy) {
        return new Rule(
                "dxy",
                "+max(" + (sx > 0 ? "" : "-") + "dx," + (sy > 0 ? "" : "-") + "dy)",
                "[\"corner\"," + sx + "," + sy + "]",
                (v, dx, dy) -> v + Math.max(sx * dx, sy * dy));
    }

    /** Colour number: clamp(n + 2·dx, 0, 499). */
    static final Rule COLOR =
            new Rule("dx", "clamp(n+2dx,0,499)", "[\"color\"]", (v, dx, dy) -> clamp(v + 2 * dx, 0, 499));
    /** Opacity: clamp(o + dx/20, 0, 1). */
    static final Rule OPACITY =
            new Rule("dx", "clamp(o+dx/20,0,1)", "[\"opacity\"]", (v, dx, dy) -> clamp(v + dx / 20, 0, 1));
    /** Stroke width: round(clamp(sw + dx/3, 0, 20)). */
    static final Rule STROKE_WIDTH = new Rule(
            "dx",
            "round(clamp(sw+dx/3,0,20))",
            "[\"strokeWidth\"]",
            (v, dx, dy) -> Arith.round(clamp(v + dx / 3, 0, 20)));

    /**
     * Rotation by the RotateBall, grabbed at the top of its ring of radius {@code ringRadius}: a + (θ₀ − θ₁) with
     * θ = atan2(cy − my, mx − cx) in degrees, θ₀ = 90°.
     */
    static Rule rotate(double ringRadius) {
        return new Rule(
                "dxy",
                "a+90-atan2(R-dy,dx)",
                "[\"rotate\"," + Prediction.num(ringRadius) + "]",
                ringRadius,
                (v, dx, dy) -> {
                    if (dx == 0 && dy == 0) return v;
                    double theta1 = Math.toDegrees(Math.atan2(ringRadius - dy, dx));
                    return v + (90 - theta1);
                });
    }

    /** A range slider: clamp(v + dx/100·(hi − lo), lo, hi), rounded for an Int slider. */
    static Rule slider(double lo, double hi, boolean integral) {
        return new Rule(
                "dx",
                integral ? "round(clamp(v+dx/100*(hi-lo),lo,hi))" : "clamp(v+dx/100*(hi-lo),lo,hi)",
                "[\"slider\"," + Prediction.num(lo) + "," + Prediction.num(hi) + "," + integral + "]",
                (v, dx, dy) -> {
                    double n = clamp(v + dx / 100 * (hi - lo), Math.min(lo, hi), Math.max(lo, hi));
                    return integral ? Arith.round(n) : n;
                });
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
