package org.duet.synth;

import org.duet.lang.DuetException;

/** A relate request that cannot be understood: an unknown tool, shape or feature, or the wrong features for a tool. */
public final class RelateException extends DuetException {
    private static final long serialVersionUID = 1L;

    public RelateException(String message) {
        super(message);
    }
}
