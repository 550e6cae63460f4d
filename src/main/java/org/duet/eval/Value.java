package org.duet.eval;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.duet.lang.Expr;
import org.duet.lang.JsNumber;
import org.duet.lang.Loc;
import org.duet.lang.Trace;

/** Run-time values of little. Immutable. */
public abstract class Value {
    private Value() {}

    /**
     * Writes the display form (toString, debug, error messages) into a bounded text, which throws
     * {@link BoundedText.Full} as soon as it would pass its limit: no display is ever built further than that.
     */
    abstract void displayInto(BoundedText out);

    /**
     * The display form, whole, for a value known to be of reasonable size (tests, tools). A display longer than the
     * default string-length limit stops with the string-length error instead of being built.
     */
    public final String display() {
        return display(Limits.DEFAULT.maxStringLength);
    }

    /** The display form, or the string-length error (without a position) if it is longer than max characters. */
    public final String display(int max) {
        BoundedText t = new BoundedText(max, null);
        try {
            displayInto(t);
        } catch (BoundedText.Full full) {
            throw Evaluator.stringTooLong(max, null, -1);
        }
        return t.finish();
    }

    @Override
    public String toString() {
        return display();
    }

    /**
     * A short display for messages: at most {@code max} characters, and a long list is summarised by its length.
     * Never builds more than max + 1 characters of the display of a large value.
     */
    public final String brief(int max) {
        if (this instanceof ListV && ((ListV) this).size > 50)
            return "[a list of " + ((ListV) this).size + " elements]";
        BoundedText t = new BoundedText(max + 1, null);
        try {
            displayInto(t);
        } catch (BoundedText.Full cut) {
            // t holds the first max + 1 characters
        }
        String s = t.toString();
        return s.length() > max ? s.substring(0, max - 3) + "…" : s;
    }

    /** A short word for the kind of value, for messages. */
    public abstract String kindName();

    // ---------------------------------------------------------------------------------------------------------

    /** A number with the trace of how it was computed. */
    public static final class Num extends Value {
        public final double v;
        public final Trace trace;

        public Num(double v, Trace trace) {
            this.v = v;
            this.trace = trace;
        }

        /** A number made by the runtime, not by the program (e.g. a slide number). */
        public static Num injected(double v) {
            return new Num(v, Loc.DUMMY);
        }

        @Override
        void displayInto(BoundedText out) {
            // integers as JsNumber.toString prints them (-0 is 0), without making a string for each
            if (Math.abs(v) < TWO_53 && v == Math.rint(v)) out.append((long) v);
            else out.append(JsNumber.toString(v));
        }

        private static final double TWO_53 = 9007199254740992.0;

        @Override
        public String kindName() {
            return "a number";
        }
    }

    public static final class Bool extends Value {
        public static final Bool TRUE = new Bool(true), FALSE = new Bool(false);
        public final boolean v;

        private Bool(boolean v) {
            this.v = v;
        }

        public static Bool of(boolean b) {
            return b ? TRUE : FALSE;
        }

        @Override
        void displayInto(BoundedText out) {
            out.append(v ? "true" : "false");
        }

        @Override
        public String kindName() {
            return "a boolean";
        }
    }

    public static final class Str extends Value {
        public final String v;

        public Str(String v) {
            this.v = v;
        }

        @Override
        void displayInto(BoundedText out) {
            out.append('\'').append(v).append('\'');
        }

        @Override
        public String kindName() {
            return "a string";
        }
    }

    public static final class Null extends Value {
        public static final Null NULL = new Null();

        private Null() {}

        @Override
        void displayInto(BoundedText out) {
            out.append("null");
        }

        @Override
        public String kindName() {
            return "null";
        }
    }

    /** An immutable cons list; {@link #EMPTY} is the empty list. */
    public static final class ListV extends Value implements Iterable<Value> {
        public static final ListV EMPTY = new ListV(null, null, 0);
        public final Value head;
        public final ListV tail;
        public final int size;

        private ListV(Value head, ListV tail, int size) {
            this.head = head;
            this.tail = tail;
            this.size = size;
        }

        public static ListV cons(Value head, ListV tail) {
            return new ListV(head, tail, tail.size + 1);
        }

        public static ListV of(List<? extends Value> items) {
            return of(items, EMPTY);
        }

        public static ListV of(List<? extends Value> items, ListV tail) {
            ListV l = tail;
            for (int i = items.size() - 1; i >= 0; i--) l = cons(items.get(i), l);
            return l;
        }

        public static ListV of(Value... items) {
            return of(List.of(items));
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public Value get(int i) {
            ListV l = this;
            for (int k = 0; k < i; k++) l = l.tail;
            return l.head;
        }

        public List<Value> toList() {
            List<Value> out = new ArrayList<>(size);
            for (Value v : this) out.add(v);
            return out;
        }

        @Override
        public Iterator<Value> iterator() {
            return new Iterator<>() {
                ListV cur = ListV.this;

                @Override
                public boolean hasNext() {
                    return cur.size > 0;
                }

                @Override
                public Value next() {
                    if (cur.size == 0) throw new NoSuchElementException();
                    Value v = cur.head;
                    cur = cur.tail;
                    return v;
                }
            };
        }

        @Override
        void displayInto(BoundedText out) {
            if (size == 0) {
                out.append("[]");
                return;
            }
            if (out.repeat(this)) return;
            int start = out.length();
            out.append('[');
            for (ListV l = this; l.size > 0; l = l.tail) {
                if (l != this) out.append(' ');
                l.head.displayInto(out);
            }
            out.append(']');
            out.written(this, start);
        }

        @Override
        public String kindName() {
            return "a list";
        }
    }

    /** A closure: the function literal, how many of its curried parameters are already bound, its environment. */
    public static final class Closure extends Value {
        public final Expr.Fun fun;
        public final int index;
        public final Env env;
        /** The name under which a letrec/defrec closure sees itself, or null. */
        public final String selfName;

        public Closure(Expr.Fun fun, int index, Env env, String selfName) {
            this.fun = fun;
            this.index = index;
            this.env = env;
            this.selfName = selfName;
        }

        @Override
        void displayInto(BoundedText out) {
            out.append("<fun>");
        }

        @Override
        public String kindName() {
            return "a function";
        }
    }

    /** An immutable dictionary, entries sorted by key. */
    public static final class Dict extends Value {
        public static final Dict EMPTY = new Dict(new DictKey[0], new Value[0]);
        final DictKey[] keys;
        final Value[] values;

        Dict(DictKey[] keys, Value[] values) {
            this.keys = keys;
            this.values = values;
        }

        public int size() {
            return keys.length;
        }

        Value get(DictKey k) {
            int i = java.util.Arrays.binarySearch(keys, k);
            return i >= 0 ? values[i] : null;
        }

        Dict insert(DictKey k, Value v) {
            int i = java.util.Arrays.binarySearch(keys, k);
            if (i >= 0) {
                Value[] nv = values.clone();
                nv[i] = v;
                return new Dict(keys, nv);
            }
            int at = -i - 1;
            DictKey[] nk = new DictKey[keys.length + 1];
            Value[] nv = new Value[keys.length + 1];
            System.arraycopy(keys, 0, nk, 0, at);
            System.arraycopy(values, 0, nv, 0, at);
            nk[at] = k;
            nv[at] = v;
            System.arraycopy(keys, at, nk, at + 1, keys.length - at);
            System.arraycopy(values, at, nv, at + 1, keys.length - at);
            return new Dict(nk, nv);
        }

        Dict remove(DictKey k) {
            int i = java.util.Arrays.binarySearch(keys, k);
            if (i < 0) return this;
            DictKey[] nk = new DictKey[keys.length - 1];
            Value[] nv = new Value[keys.length - 1];
            System.arraycopy(keys, 0, nk, 0, i);
            System.arraycopy(values, 0, nv, 0, i);
            System.arraycopy(keys, i + 1, nk, i, keys.length - i - 1);
            System.arraycopy(values, i + 1, nv, i, keys.length - i - 1);
            return new Dict(nk, nv);
        }

        @Override
        void displayInto(BoundedText out) {
            out.append("<dict ");
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) out.append(' ');
                keys[i].displayInto(out);
                out.append(':');
                values[i].displayInto(out);
            }
            out.append('>');
        }

        @Override
        public String kindName() {
            return "a dictionary";
        }
    }
}
