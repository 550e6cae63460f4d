package org.duet.eval;

import org.duet.lang.JsNumber;

/** A dictionary key: a value turned into a pair of strings (text, tag), ordered by UTF-16 code units. */
final class DictKey implements Comparable<DictKey> {
    final String text, tag;

    private DictKey(String text, String tag) {
        this.text = text;
        this.tag = tag;
    }

    /**
     * The key of a value, or null if the value cannot be a key (a function or a dictionary). Its text is built in a
     * {@link BoundedText} of at most max characters (charging ev, when not null, as it grows), which throws
     * {@link BoundedText.Full} as soon as the text would be longer: the text of a list key quotes the keys of its
     * elements, so it can grow exponentially with the nesting, and with shared branches.
     */
    static DictKey of(Value v, int max, Evaluator ev) {
        if (v instanceof Value.Num) return new DictKey(JsNumber.toString(((Value.Num) v).v), "num");
        if (v instanceof Value.Bool) return new DictKey(((Value.Bool) v).v ? "True" : "False", "bool");
        if (v instanceof Value.Str) {
            BoundedText t = new BoundedText(max, ev);
            appendLiteral(t, ((Value.Str) v).v);
            return new DictKey(t.finish(), "string");
        }
        if (v instanceof Value.Null) return new DictKey("", "null");
        if (v instanceof Value.ListV) {
            BoundedText t = new BoundedText(max, ev);
            t.append('[');
            boolean first = true;
            for (Value e : (Value.ListV) v) {
                DictKey k = of(e, max, ev);
                if (k == null) return null;
                if (!first) t.append(',');
                first = false;
                k.displayInto(t);
            }
            return new DictKey(t.append(']').finish(), "list");
        }
        return null;
    }

    /** How the key is shown: (ELM(text),ELM(tag)). */
    void displayInto(BoundedText out) {
        out.append('(');
        appendLiteral(out, text);
        out.append(',');
        appendLiteral(out, tag);
        out.append(')');
    }

    /** Appends a string written as an Elm/JS string literal. */
    static void appendLiteral(BoundedText out, String s) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            String esc = escape(s.charAt(i));
            if (esc == null) continue;
            if (plain < i) out.append(s, plain, i);
            out.append(esc);
            plain = i + 1;
        }
        if (plain < s.length()) out.append(s, plain, s.length());
        out.append('"');
    }

    private static String escape(char c) {
        switch (c) {
            case '\\':
                return "\\\\";
            case '"':
                return "\\\"";
            case '\n':
                return "\\n";
            case '\t':
                return "\\t";
            case '\r':
                return "\\r";
            case 0x0B:
                return "\\v";
            case 0:
                return "\\0";
            default:
                return null;
        }
    }

    @Override
    public int compareTo(DictKey o) {
        int c = text.compareTo(o.text);
        return c != 0 ? c : tag.compareTo(o.tag);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DictKey && ((DictKey) o).text.equals(text) && ((DictKey) o).tag.equals(tag);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + tag.hashCode();
    }
}
