package org.duet.svg;

/** A node of a drawing: an element or a piece of text. */
public abstract class SvgNode {
    SvgElement parent;

    public SvgElement parent() {
        return parent;
    }
}
