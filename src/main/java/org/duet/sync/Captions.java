package org.duet.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duet.lang.JsNumber;
import org.duet.lang.Loc;
import org.duet.lang.Program;

/**
 * What the editor says about zones and numbers, in words a designer reads: shapes by their names (given by the
 * caller, see {@code org.duet.edit.ShapeNames}), numbers by their variable or by where they are in the code — never
 * "(ACTIVE)", a shape index or an internal location number.
 */
public final class Captions {
    private Captions() {}

    /** A number of the program: its variable ({@code x0}), else "the 40 on line 3". */
    public static String number(Program p, Loc l) {
        if (!l.name().isEmpty()) return l.name();
        String value = JsNumber.toString(l.value);
        if (l.numStart < 0 || p == null || l.numStart > p.source().text().length()) return "the number " + value;
        return "the " + value + " on line " + p.source().line(l.numStart);
    }

    /** How a drag along an axis moves: "dx" sideways, "dy" up and down (another axis by its name). */
    static String axisWords(String axis) {
        switch (axis) {
            case "dx":
                return " sideways";
            case "dy":
                return " up and down";
            default:
                return axis.isEmpty() ? "" : " (" + axis + ")";
        }
    }

    /** A zone of a named shape: "rect1 Interior". */
    public static String zone(Zone z, String shapeName) {
        return shapeName + " " + z.name;
    }

    /**
     * The caption shown while hovering a zone: "rect1 Interior — drag changes x0 (40) sideways · y0 (28) up and down", or for a zone
     * that cannot be dragged, "rect1 Interior — cannot be dragged: REASON".
     */
    public static String hover(Zone z, String shapeName, Program p) {
        StringBuilder sb = new StringBuilder(zone(z, shapeName));
        if (!z.active())
            return sb.append(" — cannot be dragged: ").append(z.reason()).toString();
        Map<String, List<String>> byAxis = new LinkedHashMap<>();
        Set<Loc> seen = new HashSet<>();
        for (TriggerElement e : z.trigger()) {
            if (!seen.add(e.loc)) continue;
            byAxis.computeIfAbsent(e.axis, k -> new ArrayList<>())
                    .add(number(p, e.loc) + " (" + JsNumber.toString(e.loc.value) + ")");
        }
        if (byAxis.isEmpty()) return sb.toString();
        sb.append(" — drag changes ");
        List<String> parts = new ArrayList<>();
        for (var en : byAxis.entrySet()) parts.add(String.join(", ", en.getValue()) + axisWords(en.getKey()));
        return sb.append(String.join(" · ", parts)).toString();
    }
}
