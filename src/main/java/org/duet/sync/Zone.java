package org.duet.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.duet.lang.Loc;

/**
 * A named hot spot of a shape ({@code Interior}, {@code TopLeft}, {@code Point3}, {@code Edge2}, {@code FillBall} …)
 * or a program widget ({@code IntSlider1}, {@code NumSlider2}; shape −1), with its attributes and the locations the
 * heuristics chose. A zone none of whose attributes got a location is inactive and says why.
 */
public final class Zone {
    /** Why a zone is inactive. */
    public enum Inactive {
        NO_CANDIDATES("no number of this zone can change: every trace is frozen, from the prelude, or has no literal"),
        RUNTIME("its attributes depend on numbers made at run time (slide, movie or time)"),
        AMBIGUOUS("heuristics None: no attribute depends on exactly one changeable number"),
        TOO_MANY_COMBINATIONS("heuristics Fair: more than 100 combinations of candidate locations"),
        PARTIAL("not every point coordinate depends on a changeable number"),
        TOO_LARGE("its numbers are computed by traces too large to re-evaluate (the drawing shares a computation of "
                + "very many operators among very many numbers)");

        public final String message;

        Inactive(String message) {
            this.message = message;
        }
    }

    /** Index of the shape in the canvas's elements, or −1 for a program widget. */
    public final int shape;
    /** The shape's kind as the program built it (rect, BOX, circle …) or "slider". */
    public final String kind;

    public final String name;
    /** Every attribute of the zone in order, assigned or not. */
    public final List<TriggerElement> elements;
    /** Null if the zone is active. */
    public final Inactive inactive;

    Zone(int shape, String kind, String name, List<TriggerElement> elements, Inactive inactive) {
        this.shape = shape;
        this.kind = kind;
        this.name = name;
        this.elements = Collections.unmodifiableList(elements);
        this.inactive = inactive;
    }

    public boolean active() {
        return inactive == null;
    }

    /** Why the zone is inactive, or null. */
    public String reason() {
        return inactive == null ? null : inactive.message;
    }

    /** The elements that received a location, in order (empty for an inactive zone). */
    public List<TriggerElement> trigger() {
        if (inactive != null) return List.of();
        List<TriggerElement> out = new ArrayList<>();
        for (TriggerElement e : elements) if (e.loc != null) out.add(e);
        return out;
    }

    /** The locations chosen for this zone, in order, without repetition. */
    public List<Loc> assigned() {
        Set<Loc> out = new LinkedHashSet<>();
        for (TriggerElement e : trigger()) out.add(e.loc);
        return new ArrayList<>(out);
    }

    /** The other candidate locations of the zone's traces (shown in grey on hover). */
    public List<Loc> otherCandidates() {
        Set<Loc> chosen = new LinkedHashSet<>(assigned());
        Set<Loc> out = new LinkedHashSet<>();
        for (TriggerElement e : elements) for (Loc l : e.candidates) if (!chosen.contains(l)) out.add(l);
        return new ArrayList<>(out);
    }

    /** A caption like {@code rect2 Interior (ACTIVE)} (shape numbers from 0 as on the command line). */
    public String caption() {
        return (shape >= 0 ? kind + shape + " " : "") + name + (active() ? " (ACTIVE)" : " (INACTIVE)");
    }

    /**
     * The zone with pinned locations preferred: each attribute whose candidates include a pinned location (by id) is
     * driven by it instead of the heuristics' choice. The zone itself if nothing changes. An inactive zone whose only
     * problem is the heuristics' choice (not a lack of candidates) stays inactive.
     */
    public Zone pinned(java.util.Collection<Integer> pins) {
        if (pins.isEmpty() || inactive != null) return this;
        List<TriggerElement> out = new ArrayList<>(elements.size());
        boolean changed = false;
        for (TriggerElement e : elements) {
            Loc pick = null;
            for (Loc l : e.candidates)
                if (pins.contains(l.id()) && !l.frozen()) {
                    pick = l;
                    break;
                }
            if (pick != null && pick != e.loc) {
                out.add(new TriggerElement(e.feature, e.update, pick, e.candidates));
                changed = true;
            } else {
                out.add(e);
            }
        }
        return changed ? new Zone(shape, kind, name, out, null) : this;
    }

    @Override
    public String toString() {
        return caption() + " " + elements;
    }
}
