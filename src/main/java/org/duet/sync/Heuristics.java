package org.duet.sync;

import java.util.Locale;

/** How a zone's attributes are given locations (interaction.md §3.1, with Duet's changes). */
public enum Heuristics {
    /** Each attribute takes its least popular candidate (ties: lowest id). The default. */
    BIASED,
    /** Spread different assignment tuples across zones (at most 100 combinations per zone). */
    FAIR,
    /** Only attributes with exactly one candidate location get it. */
    NONE;

    /** The mode named by {@code biased}, {@code fair} or {@code none} (any case). */
    public static Heuristics parse(String s) {
        for (Heuristics h : values()) if (h.name().equalsIgnoreCase(s.trim())) return h;
        throw new IllegalArgumentException("unknown heuristics '" + s + "' (use biased, fair or none)");
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
