package org.duet.lang;

import java.util.Arrays;

/**
 * A program's text. The parser reads {@link #text()}, in which every CR LF and lone CR of the original has become
 * LF; {@link #original()} keeps the bytes the user wrote, and {@link #originalOffset(int)} maps positions back so
 * that printing an unchanged program gives back the original exactly.
 */
public final class Source {
    private final String name;
    private final String original;
    private final String text;
    /** originalOffset[i] = offset in the original of text position i (length text.length()+1), or null if same. */
    private final int[] toOriginal;

    private final int[] lineStarts;

    public Source(String name, String original) {
        this.name = name;
        this.original = original;
        if (original.indexOf('\r') < 0) {
            this.text = original;
            this.toOriginal = null;
        } else {
            StringBuilder sb = new StringBuilder(original.length());
            int[] map = new int[original.length() + 1];
            int j = 0;
            for (int i = 0; i < original.length(); i++) {
                char c = original.charAt(i);
                if (c == '\r') {
                    map[j++] = i;
                    sb.append('\n');
                    if (i + 1 < original.length() && original.charAt(i + 1) == '\n') i++;
                } else {
                    map[j++] = i;
                    sb.append(c);
                }
            }
            map[j] = original.length();
            this.text = sb.toString();
            this.toOriginal = Arrays.copyOf(map, j + 1);
        }
        int n = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        lineStarts = new int[n];
        int k = 1;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lineStarts[k++] = i + 1;
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    public String original() {
        return original;
    }

    public int originalOffset(int textOffset) {
        return toOriginal == null ? textOffset : toOriginal[textOffset];
    }

    /** The original text between two text positions (CR LF preserved). */
    public String originalSlice(int textStart, int textEnd) {
        return original.substring(originalOffset(textStart), originalOffset(textEnd));
    }

    /** 1-based line of a text offset. */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** 1-based column (in UTF-16 code units) of a text offset. */
    public int column(int offset) {
        offset = Math.max(0, Math.min(offset, text.length()));
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public String lineText(int line) {
        int s = lineStarts[line - 1];
        int e = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        return text.substring(s, e);
    }

    /** "line:col" of an offset. */
    public String position(int offset) {
        return line(offset) + ":" + column(offset);
    }

    /** A two-line excerpt: the line and a caret under the column. */
    public String excerpt(int offset) {
        int line = line(offset), col = column(offset);
        String l = lineText(line);
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < col - 1 && i < l.length(); i++) caret.append(l.charAt(i) == '\t' ? '\t' : ' ');
        caret.append('^');
        String shown = l.length() > 200 ? l.substring(0, 200) + "…" : l;
        return "  " + shown + "\n  " + caret;
    }
}
