package org.duet.app;

import java.util.Locale;

/**
 * How much a user may send to {@code duet serve}, and the words that say so. A document (uploaded or typed) is at
 * most {@link #MAX_DOCUMENT_BYTES}; any request body at most {@link #MAX_REQUEST_BYTES} (Jetty refuses more with
 * 413); request headers at most {@link #MAX_HEADER_BYTES}.
 */
public final class Limits {
    private Limits() {}

    /** The largest program Duet opens: an upload, or the text of the code pane. */
    public static final int MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
    /** The largest request body: an upload's (multipart) or a Vaadin message carrying a whole program. */
    public static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;
    /** The request line and headers (Jetty's default, stated). */
    public static final int MAX_HEADER_BYTES = 8 * 1024;
    /** A form's body (Jetty's default, stated: Vaadin posts JSON, not forms). */
    public static final int MAX_FORM_BYTES = 200_000;

    /** "That file is 12.3 MB; Duet opens files up to 2 MB." */
    public static String fileTooLarge(long bytes) {
        return "That file is " + over(bytes) + "; Duet opens files up to " + size(MAX_DOCUMENT_BYTES) + ".";
    }

    /**
     * Null if a program's text is within {@link #MAX_DOCUMENT_BYTES} (in UTF-8), else what to tell the user, e.g.
     * "The program is 24 MB; Duet keeps programs up to 2 MB. This change is not saved: undo it (Ctrl+Z) or
     * shorten the program."
     */
    public static String programTooLarge(CharSequence text) {
        if (text.length() <= MAX_DOCUMENT_BYTES / 3) return null; // at most 3 bytes a char: surely within
        long bytes = utf8Length(text);
        if (bytes <= MAX_DOCUMENT_BYTES) return null;
        return "The program is " + over(bytes) + "; Duet keeps programs up to " + size(MAX_DOCUMENT_BYTES)
                + ". This change is not saved: undo it (Ctrl+Z) or shorten the program.";
    }

    /** "That would make the program 24 MB; Duet keeps programs up to 2 MB. The change was not made." */
    public static String editTooLarge(long bytes) {
        return "That would make the program " + over(bytes) + "; Duet keeps programs up to " + size(MAX_DOCUMENT_BYTES)
                + ". The change was not made.";
    }

    /** The length of a text in UTF-8, without encoding it. */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n += 1; // a lone surrogate is written as '?'
            } else n += 3;
        }
        return n;
    }

    /** A size over the limit in words: "just over 2 MB" where it would round to the limit itself. */
    private static String over(long bytes) {
        String s = size(bytes);
        return s.equals(size(MAX_DOCUMENT_BYTES)) ? "just over " + s : s;
    }

    /** A size in words: "812 bytes", "12.3 KB", "2 MB" (1 KB = 1024 bytes). */
    public static String size(long bytes) {
        if (bytes < 1024) return bytes + (bytes == 1 ? " byte" : " bytes");
        double kb = bytes / 1024.0;
        if (kb < 1024) return number(kb) + " KB";
        return number(kb / 1024) + " MB";
    }

    private static String number(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? String.valueOf((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    /** Jetty's own limits on request headers and form bodies, set explicitly. */
    static void configure(org.eclipse.jetty.server.Server server, org.eclipse.jetty.ee10.webapp.WebAppContext ctx) {
        for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
            org.eclipse.jetty.server.HttpConnectionFactory f =
                    c.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class);
            if (f != null) {
                f.getHttpConfiguration().setRequestHeaderSize(MAX_HEADER_BYTES);
                f.getHttpConfiguration().setSendServerVersion(false);
            }
        }
        ctx.setMaxFormContentSize(MAX_FORM_BYTES);
    }
}
