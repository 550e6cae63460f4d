package org.duet.svg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The drawing a program produced: its node tree and every element below the root in document order (ghosts
 * included), which is how shapes are numbered for the command line and the editor.
 */
public final class Canvas {
    private final SvgNode root;
    private final List<SvgElement> elements;

    Canvas(SvgNode root) {
        this.root = root;
        List<SvgElement> all = new ArrayList<>();
        if (root instanceof SvgElement) {
            // iterative pre-order walk (drawings can nest deeply)
            java.util.ArrayDeque<SvgNode> stack = new java.util.ArrayDeque<>();
            List<SvgNode> top = ((SvgElement) root).children;
            for (int i = top.size() - 1; i >= 0; i--) stack.push(top.get(i));
            while (!stack.isEmpty()) {
                SvgNode n = stack.pop();
                if (!(n instanceof SvgElement)) continue;
                SvgElement e = (SvgElement) n;
                e.index = all.size();
                all.add(e);
                for (int i = e.children.size() - 1; i >= 0; i--) stack.push(e.children.get(i));
            }
        }
        this.elements = Collections.unmodifiableList(all);
    }

    public SvgNode root() {
        return root;
    }

    /** Elements below the root in document order; {@code elements().get(i).index() == i}. */
    public List<SvgElement> elements() {
        return elements;
    }

    /** The SVG text in Sketch-n-Sketch v0.5.2's format (used for conformance), ghosts shown or hidden. */
    public String toSvg(boolean ghosts) {
        return SvgWriter.sns(root, ghosts);
    }

    /** The drawing for the editor's canvas: the v0.5.2 form with each element's index as {@code data-duet-i}. */
    public String toCanvasSvg(boolean ghosts) {
        return SvgWriter.sns(root, ghosts, true);
    }

    /** A clean standalone SVG file; {@code viewBox} (may be null) is added to the root svg when it has none. */
    public String toExportSvg(String viewBox) {
        return SvgWriter.export(root, viewBox);
    }

    /**
     * A clean standalone SVG file fitted to its content: when the program gives the root svg no viewBox, one around
     * the visible drawing ({@link Bounds}, 10 units of padding); and when the root svg has neither width nor height,
     * both are set to the viewBox's size, so that other tools show the drawing at its natural size.
     */
    public String toExportSvg() {
        return FittedExport.of(this).svg;
    }
}
