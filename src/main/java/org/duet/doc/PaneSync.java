package org.duet.doc;

/**
 * Which version of a document one window's code pane is typing on, when other windows (or programs) change the
 * same document. Every text put into the pane has a serial (a number that grows), and the pane sends with each
 * change the serial of the text it was typed on. A change typed on a text older than the last one that came from
 * elsewhere (another window's version, a document loaded) was typed on an outdated version: saved, it would
 * silently overwrite what came from elsewhere. It is not saved; the window goes into conflict, keeping the user's
 * own text ("mine") until they choose between the other version and a copy of theirs. While the choice is open
 * nothing is written over the document, and every later change of the pane is the new "mine", so that the copy
 * holds exactly what the pane showed.
 */
public final class PaneSync {
    /** What to do with a change of the pane. */
    public enum Verdict {
        /** Typed on the latest version: save it (the document's revision still guards against other programs). */
        SAVE,
        /** Typed on an outdated version: not saved; the conflict starts, with this text as the user's own. */
        OUTDATED,
        /** A conflict is open: this text is the user's own from now on; nothing is saved. */
        MINE
    }

    /** The serial of the last text put into the pane because of something that happened elsewhere. */
    private long fromElsewhere = Long.MIN_VALUE;
    /** The user's own text while a conflict is open, or null. */
    private String mine;

    /** A document was (re)loaded into the pane with this serial: no conflict is open, older changes are outdated. */
    public void loaded(long serial) {
        mine = null;
        fromElsewhere = serial;
    }

    /** Another window's (or program's) version was put into the pane with this serial. */
    public void cameFromElsewhere(long serial) {
        fromElsewhere = Math.max(fromElsewhere, serial);
    }

    /**
     * Judges a change of the pane: {@code text} typed on the text of serial {@code typedOn}; {@code current} is
     * the editor's text now (a change that equals it conflicts with nothing).
     */
    public Verdict typed(String text, long typedOn, String current) {
        if (mine != null) {
            mine = text;
            return Verdict.MINE;
        }
        if (typedOn < fromElsewhere && !text.equals(current)) {
            mine = text;
            return Verdict.OUTDATED;
        }
        return Verdict.SAVE;
    }

    /** A save of {@code text} was refused (the document changed since its revision): the conflict starts. */
    public void refused(String text) {
        if (mine == null) mine = text;
    }

    public boolean inConflict() {
        return mine != null;
    }

    /** The user's own text while a conflict is open (the text a copy must hold), or null. */
    public String mine() {
        return mine;
    }

    /** The user chose (the other version, or a copy of theirs): the conflict is over. */
    public void resolved() {
        mine = null;
    }
}
