package org.duet.edit;

import java.util.List;
import java.util.OptionalInt;
import org.duet.lang.Expr;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;

/**
 * The names the editor gives shapes, in the program's own words: a shape drawn by a blob that is a variable
 * ({@code (blobs [rect1 …])}, as the drawing tools write) is called by that variable, {@code rect1}; a blob of
 * several shapes adds which of them ({@code logo's circle 2}); any other shape is called by its kind and its place
 * among the shapes of that kind, counted from 1 ({@code rect 2}: the second rectangle of the drawing). Never a
 * shape's index (the command line's numbering from 0).
 */
public final class ShapeNames {
    private ShapeNames() {}

    /** The name of the shape at {@code shape} in {@code r.canvas.elements()}, or "a shape" if there is none. */
    public static String of(Renderer.Result r, int shape) {
        List<SvgElement> all = r.canvas.elements();
        if (shape < 0 || shape >= all.size()) return "a shape";
        SvgElement e = all.get(shape);
        String kind = e.sourceKind;
        OptionalInt blob = Blobs.blobOf(r, shape);
        String var = blob.isPresent() ? blobVariable(r, blob.getAsInt()) : null;
        if (var != null && all.size() > 2000) return var + "'s " + kind; // (counting would take long)
        if (var != null) {
            int inBlob = 0, total = 0;
            for (int i = 0; i < all.size(); i++) {
                if (Blobs.blobOf(r, i).equals(blob) && all.get(i).sourceKind.equals(kind)) {
                    total++;
                    if (i <= shape) inBlob++;
                }
            }
            int shapesInBlob = 0;
            for (int i = 0; i < all.size(); i++) if (Blobs.blobOf(r, i).equals(blob)) shapesInBlob++;
            if (shapesInBlob == 1) return var;
            return var + "'s " + kind + (total > 1 ? " " + inBlob : "");
        }
        int nth = 0;
        for (int i = 0; i <= shape; i++) if (all.get(i).sourceKind.equals(kind)) nth++;
        return kind + " " + nth;
    }

    /** The variable a blob of the drawing's list is, or null if it is another expression. */
    private static String blobVariable(Renderer.Result r, int blob) {
        TopLevel top = TopLevel.of(r.program);
        List<Expr> elems = top.list != null ? top.list.elems : null;
        if (elems == null || blob >= elems.size()) return null;
        return elems.get(blob) instanceof Expr.Var v ? v.name : null;
    }
}
