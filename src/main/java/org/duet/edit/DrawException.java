package org.duet.edit;

import org.duet.lang.DuetException;

/** A drawing or deleting gesture that cannot change the program: a degenerate shape, a bad tool input, no blob list. */
public final class DrawException extends DuetException {
    private static final long serialVersionUID = 1L;

    public DrawException(String message) {
        super(message);
    }
}
