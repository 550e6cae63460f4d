package org.duet.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.duet.svg.Renderer;

/**
 * Live synchronisation: the zones of a drawing and what dragging one of them does to the program. Every operation is
 * a pure function of the program text and the gesture; tables are cached per program version (text and heuristics),
 * so the drag steps of one gesture (all from the same mouse-down program, with the total displacement) are fast.
 */
public final class Sync {
    private Sync() {}

    /** Zone number for program widgets (sliders) in {@link #drag(String, int, String, double, double, Heuristics)}. */
    public static final int WIDGETS = -1;

    private static final int CACHE_SIZE = 8;
    private static final Map<Key, SyncTable> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SyncTable> e) {
            return size() > CACHE_SIZE;
        }
    };

    private static final class Key {
        final String text;
        final Heuristics h;

        Key(String text, Heuristics h) {
            this.text = text;
            this.h = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key && ((Key) o).h == h && ((Key) o).text.equals(text);
        }

        @Override
        public int hashCode() {
            return Objects.hash(text, h);
        }
    }

    /** The zones of every shape of a rendered program (shapes without zones are left out). */
    public static List<ShapeZones> zones(Renderer.Result r, Heuristics h) {
        return table(r, h).shapes();
    }

    /** The zone table of a rendered program (not cached: keep it for the drags of this program version). */
    public static SyncTable table(Renderer.Result r, Heuristics h) {
        return SyncTable.of(r, h);
    }

    /**
     * The zone table of a program text, rendered at its first frame with the default limits; cached per text and
     * heuristics. Throws the program's DuetException if it does not render.
     */
    public static SyncTable table(String text, Heuristics h) {
        Key key = new Key(text, h);
        synchronized (CACHE) {
            SyncTable t = CACHE.get(key);
            if (t != null) return t;
        }
        SyncTable t = SyncTable.of(Renderer.render("program", text), h);
        synchronized (CACHE) {
            CACHE.put(key, t);
        }
        return t;
    }

    /**
     * Drags zone {@code zone} of shape {@code shape} (its index in {@code Canvas.elements()}, or {@link #WIDGETS} for a
     * slider such as {@code IntSlider1}) by the total displacement (dx, dy) from the program {@code text} as it was
     * at mouse-down. Throws SyncException for an unknown or inactive zone.
     */
    public static DragResult drag(String text, int shape, String zone, double dx, double dy, Heuristics h) {
        return drag(table(text, h), shape, zone, dx, dy);
    }

    public static DragResult drag(SyncTable table, int shape, String zone, double dx, double dy) {
        return drag(table, find(table, shape, zone), dx, dy);
    }

    public static DragResult drag(SyncTable table, Zone zone, double dx, double dy) {
        if (!zone.active())
            throw new SyncException("the zone " + zone.name
                    + (zone.shape >= 0 ? " of shape " + zone.shape + " (" + zone.kind + ")" : "") + " is inactive: "
                    + zone.reason());
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) throw new SyncException("dx and dy must be finite numbers");
        return Drag.run(table, zone, dx, dy);
    }

    /** The zone, or a SyncException saying what exists. */
    public static Zone find(SyncTable table, int shape, String zone) {
        Zone z = table.zone(shape, zone);
        if (z != null) return z;
        if (shape < 0) {
            List<String> names = new ArrayList<>();
            for (Zone w : table.widgets()) names.add(w.name);
            throw new SyncException("the program has no slider " + zone
                    + (names.isEmpty() ? " (it has no sliders)" : " (its sliders: " + String.join(", ", names) + ")"));
        }
        int n = table.canvas().elements().size();
        if (shape >= n)
            throw new SyncException("there is no shape " + shape + ": the drawing has " + n + " element"
                    + (n == 1 ? "" : "s") + " (numbered from 0)");
        ShapeZones s = table.shape(shape);
        String kind = SyncTable.kindOf(table.canvas().elements().get(shape));
        if (s == null) throw new SyncException("shape " + shape + " (" + kind + ") has no zones");
        List<String> names = new ArrayList<>();
        for (Zone z2 : s.zones) names.add(z2.name);
        throw new SyncException("shape " + shape + " (" + kind + ") has no zone " + zone + " (its zones: "
                + String.join(", ", names) + ")");
    }
}
