package org.duet.fuzz;

import java.util.LinkedHashMap;
import java.util.Map;
import org.duet.sync.Heuristics;
import org.duet.synth.Relate;

/**
 * What the pipeline does with a program besides rendering it: which zone to drag and how far, whether and how to
 * relate features. Made from the fuzzer's choices as picks (resolved against the drawing when it runs) or read back
 * from a regression file with the concrete zone and references the run used.
 */
final class Plan {
    Heuristics heuristics = Heuristics.BIASED;
    boolean ghosts;
    /** Index into the list of all zones (shapes' then widgets'), taken modulo its size; -1: no drag. */
    int zonePick = -1;
    /** The zone as resolved, e.g. "3 TopLeft" or "-1 IntSlider1" (null: resolve zonePick). */
    String zone;

    double dx, dy;
    /** Re-render the dragged program as well. */
    boolean renderDragged;
    /** Relate request: tool and feature picks (or the resolved references); null tool: none. */
    String tool;

    int[] featurePicks = new int[0];
    String refs;
    long relateMs = 30;

    static final double[] DISPLACEMENTS = {
        0,
        1,
        -1,
        10,
        -10,
        0.5,
        -0.25,
        100,
        -333.3,
        1e6,
        -1e9,
        1e-9,
        1e300,
        -1e300,
        Double.MAX_VALUE,
        Double.MIN_VALUE,
        123.456,
        -0.0
    };

    static Plan of(Choices c) {
        Plan p = new Plan();
        p.heuristics = c.of(Heuristics.values());
        p.ghosts = c.oneIn(2);
        p.zonePick = c.oneIn(10) ? -1 : c.pick(4096);
        p.dx = c.oneIn(8) ? c.anyDouble() : DISPLACEMENTS[c.pick(DISPLACEMENTS.length)];
        p.dy = c.oneIn(8) ? c.anyDouble() : DISPLACEMENTS[c.pick(DISPLACEMENTS.length)];
        p.renderDragged = c.oneIn(4);
        if (c.oneIn(Integer.getInteger("duet.fuzz.relateOneIn", 10))) {
            p.tool = c.of(Relate.TOOLS);
            p.featurePicks = new int[1 + c.pick(3)];
            for (int i = 0; i < p.featurePicks.length; i++) p.featurePicks[i] = c.pick(1 << 20);
            p.relateMs = 10 + c.pick(50);
        }
        return p;
    }

    /** The plan as key: value lines (the header of a regression file). */
    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("heuristics", heuristics.word());
        m.put("ghosts", String.valueOf(ghosts));
        if (zone != null) m.put("zone", zone);
        else m.put("zone-pick", String.valueOf(zonePick));
        m.put("dx", Double.toString(dx));
        m.put("dy", Double.toString(dy));
        m.put("render-dragged", String.valueOf(renderDragged));
        if (tool != null) {
            m.put("tool", tool);
            if (refs != null) m.put("refs", refs);
            else {
                StringBuilder sb = new StringBuilder();
                for (int f : featurePicks) sb.append(sb.length() > 0 ? "," : "").append(f);
                m.put("feature-picks", sb.toString());
            }
            m.put("relate-ms", String.valueOf(relateMs));
        }
        return m;
    }

    static Plan fromMap(Map<String, String> m) {
        Plan p = new Plan();
        p.heuristics = Heuristics.parse(m.getOrDefault("heuristics", "biased"));
        p.ghosts = Boolean.parseBoolean(m.getOrDefault("ghosts", "false"));
        p.zone = m.get("zone");
        p.zonePick = Integer.parseInt(m.getOrDefault("zone-pick", "-1"));
        p.dx = Double.parseDouble(m.getOrDefault("dx", "0"));
        p.dy = Double.parseDouble(m.getOrDefault("dy", "0"));
        p.renderDragged = Boolean.parseBoolean(m.getOrDefault("render-dragged", "false"));
        p.tool = m.get("tool");
        p.refs = m.get("refs");
        String picks = m.get("feature-picks");
        if (picks != null && !picks.isEmpty()) {
            String[] parts = picks.split(",");
            p.featurePicks = new int[parts.length];
            for (int i = 0; i < parts.length; i++) p.featurePicks[i] = Integer.parseInt(parts[i].trim());
        }
        p.relateMs = Long.parseLong(m.getOrDefault("relate-ms", "30"));
        return p;
    }
}
