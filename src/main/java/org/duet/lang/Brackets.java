package org.duet.lang;

/**
 * Brackets of a program's text read without parsing it: strings ('…', "…", with backslash escapes) and comments
 * (; to the end of the line) are skipped, so brackets inside them do not count. For messages and for finding where
 * a form ends when the program may not parse.
 */
public final class Brackets {
    private Brackets() {}

    /**
     * The bracket to blame when a program ends with brackets still open, as its offset (or -1 if none is open, or
     * a string is left open, which has its own message). Of the brackets still open, the innermost one whose
     * contents go back to its own column or further left on a later line (a new line that starts where the
     * bracket's own line started, such as the next definition) — the writer meant to close it before that line;
     * if no open bracket is followed by such a line, the innermost one.
     */
    public static int unclosed(String s) {
        int n = s.length();
        java.util.ArrayDeque<int[]> open = new java.util.ArrayDeque<>(); // {offset, column, suspicious}
        int lineStart = 0;
        boolean atLineStart = true;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                lineStart = i + 1;
                atLineStart = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') continue;
            if (atLineStart) {
                atLineStart = false;
                int col = i - lineStart;
                if (c != ';') for (int[] b : open) if (col <= b[1]) b[2] = 1;
            }
            if (c == ';') {
                int eol = s.indexOf('\n', i);
                if (eol < 0) break;
                i = eol - 1;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c) j += s.charAt(j) == '\\' ? 2 : 1;
                if (j >= n) return -1;
                i = j;
            } else if (c == '(' || c == '[') {
                int ls = s.lastIndexOf('\n', i) + 1;
                int first = ls;
                while (first < i && (s.charAt(first) == ' ' || s.charAt(first) == '\t')) first++;
                open.push(new int[] {i, first - ls, 0});
            } else if (c == ')' || c == ']') {
                if (!open.isEmpty()) open.pop();
            }
        }
        if (open.isEmpty()) return -1;
        for (int[] b : open) if (b[2] == 1) return b[0]; // innermost first
        return open.peek()[0];
    }

    /** Where the bracket at {@code open} is closed (strings and comments skipped), or the text's length. */
    public static int closeOf(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';') {
                int eol = text.indexOf('\n', i);
                if (eol < 0) break;
                i = eol;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c) j += text.charAt(j) == '\\' ? 2 : 1;
                i = j;
            } else if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && --depth == 0) return i;
        }
        return text.length();
    }
}
