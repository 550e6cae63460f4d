package org.duet.svg;

import org.duet.eval.Runner;
import org.duet.lang.JsNumber;

/**
 * The clean export fitted to its content ({@link Canvas#toExportSvg()}) together with its natural size, which the
 * PNG export scales.
 */
final class FittedExport {
    /** Units of space left around the drawing by a fitted viewBox. */
    static final double PADDING = 10;

    /** The standalone SVG text. */
    final String svg;
    /** The size the file declares (its width and height, else its viewBox's), in CSS pixels; NaN when it has none. */
    final double width, height;

    private FittedExport(String svg, double width, double height) {
        this.svg = svg;
        this.width = width;
        this.height = height;
    }

    /** Computed on a big stack: the writer recurses into the drawing's nesting. */
    static FittedExport of(Canvas c) {
        return Runner.call(() -> fit(c));
    }

    private static FittedExport fit(Canvas c) {
        SvgNode root = c.root();
        // the root svg, unless the writer wraps the root in one (it is another element, or a ghost)
        SvgElement svgRoot =
                root instanceof SvgElement && ((SvgElement) root).kind.equals("svg") && !((SvgElement) root).isGhost()
                        ? (SvgElement) root
                        : null;
        String fitted = Bounds.viewBox(c, PADDING);
        String svg = SvgWriter.export(root, fitted);
        String own = svgRoot == null ? null : Bounds.text(svgRoot, "viewBox");
        double[] vb = Bounds.Numbers.viewBox(fitted != null ? fitted : own);
        boolean hasWidth = svgRoot != null && svgRoot.attr("width") != null;
        boolean hasHeight = svgRoot != null && svgRoot.attr("height") != null;
        if (!hasWidth && !hasHeight && vb != null) {
            // no size of its own: declare the viewBox's, so other tools show the drawing at its natural size
            String size = " width=\"" + JsNumber.toString(vb[2]) + "\" height=\"" + JsNumber.toString(vb[3]) + "\"";
            String open = "<svg xmlns=\"" + SvgWriter.XMLNS + "\"";
            int at = svg.indexOf(open);
            svg = svg.substring(0, at + open.length()) + size + svg.substring(at + open.length());
            return new FittedExport(svg, vb[2], vb[3]);
        }
        double w = hasWidth ? Bounds.num(svgRoot, "width", Double.NaN) : Double.NaN;
        double h = hasHeight ? Bounds.num(svgRoot, "height", Double.NaN) : Double.NaN;
        if (!(w > 0)) w = Double.NaN;
        if (!(h > 0)) h = Double.NaN;
        if (vb != null) {
            // one side given (or given in units Duet does not resolve): the other follows the viewBox's proportions
            if (Double.isNaN(w) && Double.isNaN(h)) {
                w = vb[2];
                h = vb[3];
            } else if (Double.isNaN(w)) {
                w = h * vb[2] / vb[3];
            } else if (Double.isNaN(h)) {
                h = w * vb[3] / vb[2];
            }
        }
        return new FittedExport(svg, w, h);
    }
}
