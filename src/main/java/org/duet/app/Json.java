package org.duet.app;

import org.duet.lang.JsNumber;

/** A small JSON writer: objects, arrays, strings (escaped), numbers (JavaScript form), booleans. */
final class Json {
    private final StringBuilder sb = new StringBuilder();
    /** Per nesting level: does the next value need a comma before it? */
    private boolean[] comma = new boolean[16];

    private int depth;
    private boolean afterKey;

    Json beginObject() {
        value();
        sb.append('{');
        push();
        return this;
    }

    Json endObject() {
        depth--;
        sb.append('}');
        return this;
    }

    Json beginArray() {
        value();
        sb.append('[');
        push();
        return this;
    }

    Json endArray() {
        depth--;
        sb.append(']');
        return this;
    }

    Json key(String k) {
        if (comma[depth]) sb.append(',');
        comma[depth] = true;
        string(k);
        sb.append(':');
        afterKey = true;
        return this;
    }

    Json value(String s) {
        value();
        if (s == null) sb.append("null");
        else string(s);
        return this;
    }

    Json value(double d) {
        value();
        if (Double.isFinite(d)) sb.append(JsNumber.toString(d));
        else sb.append("null");
        return this;
    }

    Json value(long n) {
        value();
        sb.append(n);
        return this;
    }

    Json value(boolean b) {
        value();
        sb.append(b);
        return this;
    }

    private void push() {
        depth++;
        if (depth == comma.length) comma = java.util.Arrays.copyOf(comma, depth * 2);
        comma[depth] = false;
    }

    /** Separator before a value (not after a key). */
    private void value() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (depth > 0) {
            if (comma[depth]) sb.append(',');
            comma[depth] = true;
        }
    }

    private void string(String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        sb.append('"');
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
