package org.duet.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed between two drawings of the same shape structure (the usual case while dragging: only numbers move):
 * the attribute values to set, per element index. Null when the structure differs (other elements, kinds,
 * attribute names or text), in which case the whole drawing must be replaced.
 */
public final class CanvasDiff {
    private CanvasDiff() {}

    /** One attribute to set: element index (as in {@link Canvas#elements()}), name, printed value. */
    public record Update(int index, String name, String value) {}

    public static List<Update> diff(Canvas before, Canvas after) {
        if (!(before.root() instanceof SvgElement) || !(after.root() instanceof SvgElement)) return null;
        if (!sameShape((SvgElement) before.root(), (SvgElement) after.root())) return null;
        if (!sameAttributes((SvgElement) before.root(), (SvgElement) after.root(), -1, null)) return null;
        List<SvgElement> a = before.elements(), b = after.elements();
        if (a.size() != b.size()) return null;
        List<Update> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            SvgElement x = a.get(i), y = b.get(i);
            if (!sameShape(x, y)) return null;
            if (!sameAttributes(x, y, i, out)) return null;
        }
        return out;
    }

    private static boolean sameShape(SvgElement x, SvgElement y) {
        if (!x.kind.equals(y.kind)
                || x.isGhost() != y.isGhost()
                || x.attrs.size() != y.attrs.size()
                || x.children.size() != y.children.size()) return false;
        for (int k = 0; k < x.children.size(); k++) {
            SvgNode c = x.children.get(k), d = y.children.get(k);
            if (c instanceof SvgText != d instanceof SvgText) return false;
            if (c instanceof SvgText && !((SvgText) c).text.equals(((SvgText) d).text)) return false;
        }
        return true;
    }

    /** Same attribute names in the same order; changed values are added to out (for the root: none may change). */
    private static boolean sameAttributes(SvgElement x, SvgElement y, int index, List<Update> out) {
        for (int k = 0; k < x.attrs.size(); k++) {
            Attr p = x.attrs.get(k), q = y.attrs.get(k);
            if (!p.name.equals(q.name)) return false;
            if (p.text.equals(q.text) || p.name.equals("HIDDEN") || p.name.equals("ZONES")) continue;
            if (out == null) return false;
            if (y.attr(q.name) != q) continue; // a repeated attribute: the last one is the one printed
            out.add(new Update(index, q.name, q.text));
        }
        return true;
    }
}
