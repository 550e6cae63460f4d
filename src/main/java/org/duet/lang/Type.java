package org.duet.lang;

import java.util.List;

/** Types: parsed, kept for printing, and used only by typecase tests. */
public final class Type extends Node {
    public enum Kind {
        NUM,
        BOOL,
        STRING,
        NULL,
        LIST,
        DICT,
        TUPLE,
        UNION,
        NAMED,
        VAR,
        WILD,
        ARROW,
        FORALL
    }

    public final Kind kind;
    /** Sub-types in order (element type of a list, tuple elements, union members, arrow parts, forall body). */
    public final List<Type> parts;
    /** Tail type of a tuple {@code [T1 … | R]}, or null. */
    public final Type rest;
    /** Name of a named type or type variable. */
    public final String name;

    public Type(Kind kind, List<Type> parts, Type rest, String name, int start, int end) {
        super(start, end);
        this.kind = kind;
        this.parts = parts;
        this.rest = rest;
        this.name = name;
    }

    @Override
    public List<Node> children() {
        return Expr.list(parts, rest);
    }
}
