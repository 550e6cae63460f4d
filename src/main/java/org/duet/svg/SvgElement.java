package org.duet.svg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An element of the drawing, after BOX/OVAL desugaring. */
public final class SvgElement extends SvgNode {
    /** The printed kind (a BOX prints as rect, an OVAL as ellipse). */
    public final String kind;
    /** The kind as the program built it (BOX, OVAL, rect, …). */
    public final String sourceKind;
    /** All attributes in order, HIDDEN and ZONES included, duplicates included. */
    public final List<Attr> attrs;

    public final List<SvgNode> children;
    /** 0-based index in document order among all elements below the root (ghosts included); -1 for the root. */
    int index = -1;

    SvgElement(String kind, String sourceKind, List<Attr> attrs, List<SvgNode> children) {
        this.kind = kind;
        this.sourceKind = sourceKind;
        this.attrs = Collections.unmodifiableList(attrs);
        this.children = Collections.unmodifiableList(children);
        for (SvgNode c : children) c.parent = this;
    }

    public int index() {
        return index;
    }

    /** A ghost: shown only when ghosts are shown. */
    public boolean isGhost() {
        for (Attr a : attrs) if (a.name.equals("HIDDEN")) return true;
        return false;
    }

    /** The last attribute with this name (the one that counts), or null. */
    public Attr attr(String name) {
        Attr found = null;
        for (Attr a : attrs) if (a.name.equals(name)) found = a;
        return found;
    }

    /** The first attribute with this name, or null. */
    public Attr firstAttr(String name) {
        for (Attr a : attrs) if (a.name.equals(name)) return a;
        return null;
    }

    public List<SvgElement> childElements() {
        List<SvgElement> out = new ArrayList<>();
        for (SvgNode c : children) if (c instanceof SvgElement) out.add((SvgElement) c);
        return out;
    }
}
