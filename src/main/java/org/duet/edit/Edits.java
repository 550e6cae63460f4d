package org.duet.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.duet.lang.Source;

/**
 * Text edits on a program: replacements of ranges of its (LF-normalised) text, applied to the original text so that
 * every character outside the edited ranges is kept, CR LF included. Inserted text uses the original's line ends.
 */
final class Edits {
    private record Edit(int start, int end, String text, int seq) {}

    private final Source source;
    private final List<Edit> edits = new ArrayList<>();

    Edits(Source source) {
        this.source = source;
    }

    /** Inserts text at a position; insertions at the same position keep the order in which they were added. */
    Edits insert(int at, String text) {
        return replace(at, at, text);
    }

    Edits delete(int start, int end) {
        return replace(start, end, "");
    }

    Edits replace(int start, int end, String text) {
        if (start < 0 || end < start || end > source.text().length())
            throw new IllegalArgumentException("bad edit range " + start + ".." + end);
        edits.add(new Edit(start, end, text, edits.size()));
        return this;
    }

    String apply() {
        String orig = source.original();
        boolean crlf = orig.contains("\r\n");
        List<Edit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::seq));
        StringBuilder out = new StringBuilder(orig.length() + 256);
        int at = 0; // text position already copied up to
        for (Edit e : sorted) {
            if (e.start < at) throw new IllegalStateException("overlapping edits at " + e.start);
            out.append(orig, source.originalOffset(at), source.originalOffset(e.start));
            out.append(crlf ? e.text.replace("\n", "\r\n") : e.text);
            at = e.end;
        }
        out.append(orig, source.originalOffset(at), orig.length());
        return out.toString();
    }
}
