package org.duet.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.duet.lang.Loc;

/**
 * The outcome of one drag step: the new program text (only numerals changed), the locations that changed with their
 * new values as written, and for each element of the zone's trigger what it wanted and what it got.
 */
public final class DragResult {
    /** How an element of the trigger fared. */
    public enum Status {
        /** The attribute reaches its target (within 0.01 after shortening the numbers). */
        SOLVED,
        /** Its location is shared with other elements of the zone that need a different value, so it cannot reach its target. */
        CONFLICT,
        /** No value of its location gives the target (the solver found none). */
        NO_SOLUTION
    }

    public static final class Element {
        public final String attribute;
        /**
         * The location solved for: the one the heuristics assigned, or (Duet) a substitute from the same trace when
         * the assigned one could not serve; for an element that missed its target, the assigned one.
         */
        public final Loc loc;
        /** What the zone's rule asks for. */
        public final double target;
        /** The attribute's value with the exact solution, and with the numbers as written in the new text. */
        public final double exact, predicted;

        public final Status status;
        /** For CONFLICT and NO_SOLUTION: why, in words. */
        public final String reason;

        Element(
                String attribute,
                Loc loc,
                double target,
                double exact,
                double predicted,
                Status status,
                String reason) {
            this.attribute = attribute;
            this.loc = loc;
            this.target = target;
            this.exact = exact;
            this.predicted = predicted;
            this.status = status;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return attribute + " → " + target + " got " + predicted + " " + status
                    + (reason == null ? "" : " (" + reason + ")");
        }
    }

    public final Zone zone;
    public final double dx, dy;
    public final String newText;
    /** Location id → new value, for every location whose numeral changed. */
    public final Map<Integer, Double> changedLocs;

    public final List<Element> elements;

    DragResult(
            Zone zone, double dx, double dy, String newText, Map<Integer, Double> changedLocs, List<Element> elements) {
        this.zone = zone;
        this.dx = dx;
        this.dy = dy;
        this.newText = newText;
        this.changedLocs = Collections.unmodifiableMap(changedLocs);
        this.elements = Collections.unmodifiableList(elements);
    }

    public List<Element> unsolved() {
        List<Element> out = new ArrayList<>();
        for (Element e : elements) if (e.status != Status.SOLVED) out.add(e);
        return out;
    }

    /** True if every element reached its target. */
    public boolean exact() {
        return unsolved().isEmpty();
    }

    /** True if at least one element reached its target. */
    public boolean solvedAny() {
        for (Element e : elements) if (e.status == Status.SOLVED) return true;
        return false;
    }
}
