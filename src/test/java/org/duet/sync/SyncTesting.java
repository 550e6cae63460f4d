package org.duet.sync;

import java.util.ArrayList;
import java.util.List;
import org.duet.svg.Renderer;

/** Helpers of the sync tests. */
final class SyncTesting {
    private SyncTesting() {}

    static SyncTable table(String program) {
        return table(program, Heuristics.BIASED);
    }

    static SyncTable table(String program, Heuristics h) {
        return SyncTable.of(Renderer.render("test", program), h);
    }

    static DragResult drag(String program, int shape, String zone, double dx, double dy) {
        return Sync.drag(program, shape, zone, dx, dy, Heuristics.BIASED);
    }

    static String dragText(String program, int shape, String zone, double dx, double dy) {
        DragResult r = drag(program, shape, zone, dx, dy);
        return r.newText;
    }

    static List<String> zoneNames(SyncTable t, int shape) {
        List<String> out = new ArrayList<>();
        for (Zone z : t.shape(shape).zones) out.add(z.name);
        return out;
    }

    /** "attribute:location-name" for each element of the zone's trigger. */
    static List<String> trigger(SyncTable t, int shape, String zone) {
        List<String> out = new ArrayList<>();
        for (TriggerElement e : t.zone(shape, zone).trigger()) out.add(e.attribute + ":" + Drag.name(e.loc));
        return out;
    }

    /** Location name of each element of the trigger, in order. */
    static List<String> locs(SyncTable t, int shape, String zone) {
        List<String> out = new ArrayList<>();
        for (TriggerElement e : t.zone(shape, zone).trigger()) out.add(Drag.name(e.loc));
        return out;
    }
}
