package org.duet.synth;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A program edit before it is written: literals rewritten as expressions ({@link #deps}, in the order they may be
 * evaluated: an expression may refer to literals rewritten before it), new variables (ids &lt; 0) with their
 * values, literals to name ({@link #lifts}), and a description. {@link ProgramEdit} writes it as program text.
 */
final class Plan {
    /** A new variable: a base for its name and its value (an expression over the program's literals, usually a number). */
    record NewVar(String base, Sym value) {}

    final Map<Integer, Sym> deps = new LinkedHashMap<>();
    final Map<Integer, NewVar> newVars = new LinkedHashMap<>();
    final Set<Integer> lifts = new LinkedHashSet<>();
    /** Literals wrapped as {@code (clamp LO HI literal)} (prelude clamp: the literal kept between two bounds). */
    final Map<Integer, Sym[]> clamps = new LinkedHashMap<>();
    /** Write the numbers of rewritten expressions frozen ({@code 2!}), so later drags leave them alone. */
    boolean freeze = true;

    String description = "";
    /** Extra tie-break key of the tool (smaller is better), e.g. a fitting score. */
    double score;

    Plan dep(int id, Sym expr) {
        deps.put(id, expr);
        return this;
    }
}
