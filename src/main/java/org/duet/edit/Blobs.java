package org.duet.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.WeakHashMap;
import org.duet.eval.Interpreter;
import org.duet.eval.Limits;
import org.duet.eval.Value;
import org.duet.lang.Expr;
import org.duet.lang.Program;
import org.duet.svg.Attr;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;
import org.duet.svg.SvgNode;

/**
 * Blobs: the elements of the drawing's top-level list (interaction.md §7.1) — of {@code (blobs [ … ])}, and also of
 * {@code (svg (concat [ … ]))} (each element a list of shapes), {@code (svg [ … ])} (each element one shape) and
 * the shapes an {@code (addBlob A drawing)} main adds (the elements of {@code A = (concat [ … ])}, or A).
 * Blob indexes count from 0 in the list (the prelude's {@code BLOB} attribute counts from 1).
 */
public final class Blobs {
    private Blobs() {}

    /** Per rendered program: how many top-level nodes each list element produced (null: unknown). */
    private static final Map<Renderer.Result, int[]> COUNTS = new WeakHashMap<>();

    /**
     * The blob that drew a shape (its index in {@code Canvas.elements()}): the element of the drawing's list that
     * produced the shape's top-level ancestor. Empty if the main expression has no such list, the shape does not
     * exist, or its blob cannot be told.
     */
    public static OptionalInt blobOf(Renderer.Result r, int shape) {
        List<SvgElement> all = r.canvas.elements();
        if (shape < 0 || shape >= all.size()) return OptionalInt.empty();
        BlobList bl = BlobList.of(TopLevel.of(r.program));
        if (bl == null) return OptionalInt.empty();
        SvgNode root = r.canvas.root();
        SvgElement t = all.get(shape);
        while (t.parent() != root) t = t.parent();
        int n = bl.elems.size();
        if (bl.top.form == TopLevel.Form.BLOBS) {
            // fast path: the prelude's blobs function tagged the shape (or a group's first child) BLOB=i+1
            OptionalInt tagged = tag(t, n);
            if (tagged.isEmpty() && t.kind.equals("g") && !t.childElements().isEmpty())
                tagged = tag(t.childElements().get(0), n);
            if (tagged.isPresent()) return tagged;
        }
        int[] counts = counts(r, bl);
        if (counts == null) return OptionalInt.empty();
        List<SvgNode> top = ((SvgElement) root).children;
        int k = top.indexOf(t) - (top.size() - java.util.Arrays.stream(counts).sum());
        if (k < 0) return OptionalInt.empty();
        for (int i = 0, sum = 0; i < counts.length; i++) {
            sum += counts[i];
            if (k < sum) return OptionalInt.of(i);
        }
        return OptionalInt.empty();
    }

    /**
     * The drawing's list: the elements of (blobs L), (svg (concat L)) or (svg L); or, for (addBlob A drawing) — what
     * drawing into another main expression makes — the elements of A = (concat L), or A itself. The shapes of an
     * addBlob's list come after those of its drawing.
     */
    private record BlobList(TopLevel top, List<Expr> elems, Expr.ListExpr list) {
        static BlobList of(TopLevel top) {
            if (top.list != null) return new BlobList(top, top.list.elems, top.list);
            if (top.form != TopLevel.Form.ADD_BLOB) return null;
            Expr a = top.addBlobShapes;
            if (TopLevel.call(a, "concat", 1)
                    && ((Expr.App) a).args.get(0) instanceof Expr.ListExpr l
                    && l.tail == null) return new BlobList(top, l.elems, l);
            return new BlobList(top, List.of(a), null);
        }

        boolean addBlob() {
            return top.form == TopLevel.Form.ADD_BLOB;
        }

        /** The list as an expression (its source text). */
        String listText() {
            String t = top.text;
            return list != null
                    ? t.substring(list.start, list.end)
                    : "[" + t.substring(elems.get(0).start, elems.get(0).end) + "]";
        }
    }

    private static OptionalInt tag(SvgElement e, int n) {
        Attr a = e.attr("BLOB");
        if (a == null) return OptionalInt.empty();
        try {
            int i = Integer.parseInt(a.text.trim());
            return i >= 1 && i <= n ? OptionalInt.of(i - 1) : OptionalInt.empty();
        } catch (NumberFormatException ex) {
            return OptionalInt.empty();
        }
    }

    /**
     * How many top-level nodes each list element made: 1 each for {@code (svg [ … ])}; otherwise the list is
     * evaluated on its own (the program with its main expression replaced by the list).
     */
    private static int[] counts(Renderer.Result r, BlobList bl) {
        synchronized (COUNTS) {
            if (COUNTS.containsKey(r)) return COUNTS.get(r);
        }
        int[] counts = null;
        int total = ((SvgElement) r.canvas.root()).children.size();
        TopLevel top = bl.top;
        if (top.form == TopLevel.Form.SVG_LIST) {
            counts = new int[bl.elems.size()];
            java.util.Arrays.fill(counts, 1);
        } else {
            String text = top.text;
            String listOnly = text.substring(0, top.main.start) + bl.listText() + text.substring(top.main.end);
            try {
                Program p = Interpreter.parse(r.program.source().name(), listOnly);
                Value v = Interpreter.run(p, Limits.DEFAULT).value;
                if (v instanceof Value.ListV l && l.size == bl.elems.size()) {
                    counts = new int[l.size];
                    int i = 0;
                    for (Value e : l) {
                        if (!(e instanceof Value.ListV el)) {
                            counts = null;
                            break;
                        }
                        counts[i++] = el.size;
                    }
                }
            } catch (RuntimeException e) {
                counts = null;
            }
        }
        if (counts != null) {
            int sum = java.util.Arrays.stream(counts).sum();
            if (bl.addBlob() ? sum > total : sum != total) counts = null;
        }
        synchronized (COUNTS) {
            COUNTS.put(r, counts);
        }
        return counts;
    }

    /**
     * Removes blobs (indexes from 0) from the drawing's list in one edit; their definitions stay (interaction.md
     * §8.8). Each removed element takes its line with it when it is alone on its line(s), else the white space
     * that separated it from its neighbour. Throws DrawException when the main expression has no such list or an
     * index is out of range.
     */
    public static String delete(String text, Collection<Integer> blobIndexes) {
        Program p = Interpreter.parse("program", text);
        TopLevel top = TopLevel.of(p);
        BlobList bl = BlobList.of(top);
        if (bl == null) throw noList(top);
        List<Expr> elems = bl.elems;
        TreeSet<Integer> del = new TreeSet<>();
        for (Integer i : blobIndexes) {
            if (i == null || i < 0 || i >= elems.size())
                throw new DrawException("there is no blob " + i + ": the list has " + elems.size() + " element"
                        + (elems.size() == 1 ? "" : "s") + " (numbered from 0)");
            del.add(i);
        }
        if (del.isEmpty()) return text;
        String s = top.text;
        Edits edits = new Edits(p.source());
        if (bl.addBlob() && del.size() == elems.size()) {
            // everything the addBlob added goes: (addBlob A drawing) becomes drawing
            Expr drawing = ((Expr.App) top.main).args.get(1);
            edits.delete(top.main.start, drawing.start).delete(drawing.end, top.main.end);
            return edits.apply();
        }
        List<Integer> sorted = new ArrayList<>(del);
        for (int k = 0; k < sorted.size(); ) {
            int i = sorted.get(k), j = i;
            while (k + 1 < sorted.size() && sorted.get(k + 1) == j + 1) {
                j++;
                k++;
            }
            k++;
            Expr first = elems.get(i), last = elems.get(j);
            int ls = lineStart(s, first.start), le = lineEnd(s, last.end);
            boolean ownLines = s.substring(ls, first.start).isBlank()
                    && s.substring(last.end, le).isBlank()
                    && le < s.length();
            boolean nextSame = j + 1 < elems.size() && top.sameLine(last.end, elems.get(j + 1).start);
            boolean prevSame = i > 0 && top.sameLine(elems.get(i - 1).end, first.start);
            if (ownLines) edits.delete(ls, le + 1);
            else if (nextSame && !prevSame) edits.delete(first.start, elems.get(j + 1).start);
            else if (i > 0) edits.delete(elems.get(i - 1).end, last.end);
            else if (j + 1 < elems.size()) edits.delete(first.start, elems.get(j + 1).start);
            else edits.delete(first.start, last.end);
        }
        return edits.apply();
    }

    private static DrawException noList(TopLevel top) {
        return new DrawException("cannot delete: the program's main expression must be (blobs [ … ]), "
                + "(svg (concat [ … ])), (svg [ … ]) or (addBlob … …), but it is " + top.describeMain());
    }

    private static int lineStart(String s, int pos) {
        return s.lastIndexOf('\n', pos - 1) + 1;
    }

    private static int lineEnd(String s, int pos) {
        int e = s.indexOf('\n', pos);
        return e < 0 ? s.length() : e;
    }

    /**
     * Removes the blobs that drew the given shapes (indexes in {@code Canvas.elements()}), in one edit. Throws
     * DrawException for a shape that does not exist or is not part of a blob.
     */
    public static String deleteShapes(String text, Collection<Integer> shapes) {
        Renderer.Result r = Renderer.render("program", text);
        TopLevel top = TopLevel.of(r.program);
        if (BlobList.of(top) == null) throw noList(top);
        TreeSet<Integer> blobs = new TreeSet<>();
        int n = r.canvas.elements().size();
        for (int shape : shapes) {
            if (shape < 0 || shape >= n)
                throw new DrawException("there is no shape " + shape + ": the drawing has " + n + " element"
                        + (n == 1 ? "" : "s") + " (numbered from 0)");
            OptionalInt b = blobOf(r, shape);
            if (b.isEmpty())
                throw new DrawException(
                        "shape " + shape + " (" + r.canvas.elements().get(shape).kind
                                + ") is not part of a blob: it cannot be traced to one element of the drawing's list"
                                + (top.form == TopLevel.Form.ADD_BLOB
                                        ? " (it is drawn by the main expression inside addBlob)"
                                        : ""));
            blobs.add(b.getAsInt());
        }
        return delete(text, blobs);
    }
}
