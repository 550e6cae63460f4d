package org.duet.eval;

import org.duet.lang.JsNumber;

/** A dictionary key: a value turned into a pair of strings (text, tag), ordered by UTF-16 code units. */
final class DictKey implements Comparable<DictKey> {
    final String text, tag;

    private DictKey(String text, String tag) {
        this.text = text;
        this.tag = tag;
    }

    /** The key of a value, or null if the value cannot be a key (a function or a dictionary). */
    static DictKey of(Value v) {
        if (v instanceof Value.Num) return new DictKey(JsNumber.toString(((Value.Num) v).v), "num");
        if (v instanceof Value.Bool) return new DictKey(((Value.Bool) v).v ? "True" : "False", "bool");
        if (v instanceof Value.Str) return new DictKey(literal(((Value.Str) v).v), "string");
        if (v instanceof Value.Null) return new DictKey("", "null");
        if (v instanceof Value.ListV) {
            StringBuilder sb = new StringBuilder("[");
            boolean first = true;
            for (Value e : (Value.ListV) v) {
                DictKey k = of(e);
                if (k == null) return null;
                if (!first) sb.append(',');
                first = false;
                sb.append(k.display());
            }
            return new DictKey(sb.append(']').toString(), "list");
        }
        return null;
    }

    /** How the key is shown: (ELM(text),ELM(tag)). */
    String display() { return "(" + literal(text) + "," + literal(tag) + ")"; }

    /** A string written as an Elm/JS string literal. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': sb.append("\\\\"); break;
                case '"': sb.append("\\\""); break;
                case '\n': sb.append("\\n"); break;
                case '\t': sb.append("\\t"); break;
                case '\r': sb.append("\\r"); break;
                case 0x0B: sb.append("\\v"); break;
                case 0: sb.append("\\0"); break;
                default: sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    @Override public int compareTo(DictKey o) {
        int c = text.compareTo(o.text);
        return c != 0 ? c : tag.compareTo(o.tag);
    }

    @Override public boolean equals(Object o) {
        return o instanceof DictKey && ((DictKey) o).text.equals(text) && ((DictKey) o).tag.equals(tag);
    }

    @Override public int hashCode() { return text.hashCode() * 31 + tag.hashCode(); }
}
