package org.duet.lang;

import java.util.List;

/** A node of the syntax tree: an expression, a pattern or a type. Offsets index {@link Source#text()}. */
public abstract class Node {
    /** First character of the node (after its leading white space), or -1 for a node made by a program edit. */
    public final int start;
    /** Position just after the node's last character, or -1. */
    public final int end;
    /** The source this node was parsed from (set when its program is built). */
    Source source;

    protected Node(int start, int end) {
        this.start = start;
        this.end = end;
    }

    /** Direct sub-nodes in source order. */
    public abstract List<Node> children();

    public boolean synthetic() {
        return start < 0;
    }

    public Source source() {
        return source;
    }
}
