package org.duet.lang;

import java.util.List;

/** Patterns: variables (including _), as-patterns, number and string literals, list patterns. */
public abstract class Pat extends Node {
    protected Pat(int start, int end) {
        super(start, end);
    }

    public static final class PVar extends Pat {
        public final String name;

        public PVar(String name, int start, int end) {
            super(start, end);
            this.name = name.intern();
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    public static final class PAs extends Pat {
        public final String name;
        public final Pat pat;

        public PAs(String name, Pat pat, int start, int end) {
            super(start, end);
            this.name = name.intern();
            this.pat = pat;
        }

        @Override
        public List<Node> children() {
            return List.of(pat);
        }
    }

    public static final class PNum extends Pat {
        public final double value;

        public PNum(double value, int start, int end) {
            super(start, end);
            this.value = value;
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    public static final class PStr extends Pat {
        public final String value;

        public PStr(String value, int start, int end) {
            super(start, end);
            this.value = value;
        }

        @Override
        public List<Node> children() {
            return List.of();
        }
    }

    public static final class PList extends Pat {
        public final List<Pat> elems;
        public final Pat tail;

        public PList(List<Pat> elems, Pat tail, int start, int end) {
            super(start, end);
            this.elems = elems;
            this.tail = tail;
        }

        @Override
        public List<Node> children() {
            return Expr.list(elems, tail);
        }
    }
}
