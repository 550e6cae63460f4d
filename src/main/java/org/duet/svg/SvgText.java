package org.duet.svg;

/** Text content ({@code ['TEXT' s]} in the program). */
public final class SvgText extends SvgNode {
    public final String text;

    public SvgText(String text) {
        this.text = text;
    }
}
