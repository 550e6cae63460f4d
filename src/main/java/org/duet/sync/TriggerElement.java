package org.duet.sync;

import java.util.List;
import org.duet.lang.Loc;

/**
 * One attribute of a zone: its name ({@code x}, {@code points[2].y}, {@code LEFT}, {@code fill.opacity} …), the axis
 * label of its update rule ({@code dx}, {@code dy}, {@code dxy}), the rule, its value at mouse-down, the location the
 * heuristics chose for it (null if none: the attribute is then not part of the zone's trigger) and every candidate
 * location of its trace (for highlighting).
 */
public final class TriggerElement {
    public final String attribute;
    public final String axis;
    public final String rule;
    public final double value;
    public final Loc loc;
    public final List<Loc> candidates;
    final Feature feature;
    final Rule update;

    TriggerElement(Feature feature, Rule update, Loc loc, List<Loc> candidates) {
        this.attribute = feature.key;
        this.axis = update.axis;
        this.rule = update.text;
        this.value = feature.value;
        this.loc = loc;
        this.candidates = candidates;
        this.feature = feature;
        this.update = update;
    }

    /** The desired new value for a total mouse displacement (dx, dy). */
    public double target(double dx, double dy) {
        return update.apply(value, dx, dy);
    }

    /** The radius of the ring a rotation widget is drawn on (NaN for every other rule). */
    public double ring() {
        return update.ring;
    }

    @Override
    public String toString() {
        return attribute + " [" + axis + " " + rule + "] " + (loc == null ? "-" : loc.toString());
    }
}
