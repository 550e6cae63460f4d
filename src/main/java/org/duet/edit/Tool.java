package org.duet.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The drawing tools (interaction.md §6). BB = the bounding-box ("stretchy") variant. */
public enum Tool {
    LINE("line"),
    RECT("rect"),
    ELLIPSE("ellipse"),
    TEXT("text"),
    POLYGON("polygon"),
    PATH("path"),
    RECT_BB("rect-bb"),
    ELLIPSE_BB("ellipse-bb"),
    POLYGON_BB("polygon-bb"),
    PATH_BB("path-bb"),
    LAMBDA("lambda");

    /** The tool's name on the command line. */
    public final String word;

    Tool(String word) {
        this.word = word;
    }

    /** True for the tools drawn by clicking points (polygon, path and their BB variants); the others are dragged. */
    public boolean byClicks() {
        return this == POLYGON || this == PATH || this == POLYGON_BB || this == PATH_BB;
    }

    /** True for the tools whose Shift variant differs (square, circle, 45° line, square box for λ). */
    public boolean hasShiftVariant() {
        return !byClicks() && this != TEXT;
    }

    /** The tool named by its word ({@code rect-bb}, {@code RECT_BB} and {@code rectbb} are all accepted). */
    public static Tool parse(String s) {
        String w = s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Tool t : values()) if (t.word.equals(w) || t.word.replace("-", "").equals(w)) return t;
        if (w.equals("λ")) return LAMBDA;
        List<String> words = new ArrayList<>();
        for (Tool t : values()) words.add(t.word);
        throw new DrawException("unknown tool '" + s + "' (tools: " + String.join(", ", words) + ")");
    }
}
