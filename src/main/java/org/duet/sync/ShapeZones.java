package org.duet.sync;

import java.util.Collections;
import java.util.List;

/** The zones of one shape: its index in {@code Canvas.elements()}, its kind (BOX/OVAL as built) and its zones. */
public final class ShapeZones {
    public final int shape;
    public final String kind;
    public final List<Zone> zones;

    ShapeZones(int shape, String kind, List<Zone> zones) {
        this.shape = shape;
        this.kind = kind;
        this.zones = Collections.unmodifiableList(zones);
    }

    /** The zone with this name, or null. */
    public Zone zone(String name) {
        for (Zone z : zones) if (z.name.equals(name)) return z;
        return null;
    }
}
