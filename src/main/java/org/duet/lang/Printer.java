package org.duet.lang;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The layout-preserving printer. A program prints as exactly the text it was parsed from (comments, blank lines,
 * spacing, CR LF kept); giving new values to some locations changes only those numerals' digits — annotations,
 * ranges and everything around them stay byte for byte.
 */
public final class Printer {
    private Printer() {}

    /** The program's text, unchanged. */
    public static String print(Program p) {
        return p.source().original();
    }

    /** The program's text with new values for the given locations (by location id). */
    public static String print(Program p, Map<Integer, Double> newValues) {
        if (newValues.isEmpty()) return print(p);
        List<Loc> changed = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : newValues.entrySet()) {
            Loc loc = p.loc(e.getKey());
            if (loc == null) throw new IllegalArgumentException("no location " + e.getKey() + " in the program");
            changed.add(loc);
        }
        changed.sort((a, b) -> Integer.compare(a.numStart, b.numStart));
        Source src = p.source();
        String orig = src.original();
        StringBuilder out = new StringBuilder(orig.length() + 16 * changed.size());
        int at = 0; // position in the original
        for (Loc loc : changed) {
            int os = src.originalOffset(loc.numStart), oe = src.originalOffset(loc.numEnd);
            out.append(orig, at, os);
            String text = numeral(newValues.get(loc.id));
            if (text.startsWith("-") && os > 0) {
                char before = orig.charAt(os - 1);
                if (!Parser.isWs(before) && before != '\r' && !Parser.isDelimiter(before)) out.append(' ');
            }
            out.append(text);
            at = oe;
        }
        out.append(orig, at, orig.length());
        return out.toString();
    }

    /**
     * The program's text with the annotation of one literal changed ({@code !} frozen, {@code ?} thawed, {@code ~}
     * assign-once, or none); every other character is kept, the slider range included.
     */
    public static String annotate(Program p, Loc loc, Loc.Annotation a) {
        Source src = p.source();
        String orig = src.original();
        int oe = src.originalOffset(loc.numEnd);
        int after = oe;
        if (loc.annotation != Loc.Annotation.NONE && after < orig.length() && "!?~".indexOf(orig.charAt(after)) >= 0)
            after++;
        return orig.substring(0, oe) + a.text + orig.substring(after);
    }

    /** The literal whose text (digits, annotation or range) contains or touches this offset of the program text. */
    public static Loc literalAt(Program p, int offset) {
        String text = p.source().text();
        for (Loc l : p.locs()) {
            if (l.numStart < 0) continue;
            int end = l.numEnd;
            if (end < text.length() && "!?~".indexOf(text.charAt(end)) >= 0) end++;
            if (end < text.length() && text.charAt(end) == '{') {
                int close = text.indexOf('}', end);
                if (close > 0) end = close + 1;
            }
            if (offset >= l.numStart && offset <= end) return l;
        }
        return null;
    }

    /**
     * How a number is written in little: the shortest decimal that reads back as the same double, in plain
     * notation (little has no exponent syntax). NaN and infinities cannot be written.
     */
    public static String numeral(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v))
            throw new IllegalArgumentException(
                    "the number " + JsNumber.toString(v) + " cannot be written in a program");
        if (v == 0) return "0";
        String js = JsNumber.toString(v);
        if (js.indexOf('e') < 0) return js;
        return new BigDecimal(js).toPlainString();
    }
}
