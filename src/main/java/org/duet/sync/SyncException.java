package org.duet.sync;

import org.duet.lang.DuetException;

/** A drag that cannot be made: an unknown shape or zone, or an inactive zone. */
public final class SyncException extends DuetException {
    private static final long serialVersionUID = 1L;

    public SyncException(String message) {
        super(message);
    }
}
