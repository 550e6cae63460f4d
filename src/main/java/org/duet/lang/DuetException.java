package org.duet.lang;

/**
 * Any error Duet reports about a program: a parse error, an evaluation error, an SVG conversion error or a stopped
 * evaluation. It carries the source and offset when there is one, so that messages read FILE:LINE:COL: message.
 */
public class DuetException extends RuntimeException {
    private final Source source;
    private final int offset;

    public DuetException(String message, Source source, int offset) {
        super(message, null, false, false);
        this.source = source;
        this.offset = offset;
    }

    public DuetException(String message) {
        this(message, null, -1);
    }

    /** The message alone, without position. */
    public String bareMessage() {
        return super.getMessage();
    }

    public Source source() {
        return source;
    }

    public int offset() {
        return offset;
    }

    public boolean hasPosition() {
        return source != null && offset >= 0;
    }

    public int line() {
        return hasPosition() ? source.line(offset) : -1;
    }

    public int column() {
        return hasPosition() ? source.column(offset) : -1;
    }

    /** FILE:LINE:COL: message (or FILE: message), plus a caret excerpt when there is a position. */
    public String format(String fileName) {
        String f = fileName != null ? fileName : (source != null ? source.name() : "program");
        if (!hasPosition()) return f + ": " + bareMessage();
        return f + ":" + line() + ":" + column() + ": " + bareMessage() + "\n" + source.excerpt(offset);
    }

    @Override
    public String getMessage() {
        return hasPosition() ? line() + ":" + column() + ": " + bareMessage() : bareMessage();
    }
}
