package org.duet.doc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How one window judges its pane's changes when another window's version of the document came in. */
class PaneSyncTest {
    @Test
    void aChangeTypedOnTheLatestTextIsSaved() {
        PaneSync s = new PaneSync();
        s.loaded(1);
        assertThat(s.typed("ab", 1, "a")).isEqualTo(PaneSync.Verdict.SAVE);
        // typed before this window's own later text (an undo it crossed): still this window's version, saved
        assertThat(s.typed("abc", 1, "ab")).isEqualTo(PaneSync.Verdict.SAVE);
        assertThat(s.inConflict()).isFalse();
        assertThat(s.mine()).isNull();
    }

    @Test
    void aChangeTypedBeforeAnotherWindowsVersionCameInIsNeverSavedAndStartsTheConflict() {
        PaneSync s = new PaneSync();
        s.loaded(1);
        assertThat(s.typed("a1", 1, "a")).isEqualTo(PaneSync.Verdict.SAVE);
        s.cameFromElsewhere(2); // the other window's "a2" shown with serial 2
        assertThat(s.typed("a1x", 1, "a2")).isEqualTo(PaneSync.Verdict.OUTDATED);
        assertThat(s.inConflict()).isTrue();
        assertThat(s.mine()).isEqualTo("a1x");
        // while the choice is open, whatever the pane sends is the user's own text, whatever it was typed on
        assertThat(s.typed("a1xy", 1, "a1x")).isEqualTo(PaneSync.Verdict.MINE);
        assertThat(s.typed("a1xyz", 3, "a1xy")).isEqualTo(PaneSync.Verdict.MINE);
        assertThat(s.mine()).isEqualTo("a1xyz");
        // a save refused meanwhile does not replace it
        s.refused("older");
        assertThat(s.mine()).isEqualTo("a1xyz");
        s.resolved();
        assertThat(s.inConflict()).isFalse();
        // after "load the other version" (shown with serial 4 from elsewhere), typing on it is saved again
        s.cameFromElsewhere(4);
        assertThat(s.typed("a2q", 4, "a2")).isEqualTo(PaneSync.Verdict.SAVE);
        assertThat(s.typed("a1xyzw", 3, "a2q")).isEqualTo(PaneSync.Verdict.OUTDATED);
    }

    @Test
    void anOutdatedChangeThatEqualsTheCurrentTextConflictsWithNothing() {
        PaneSync s = new PaneSync();
        s.loaded(1);
        s.cameFromElsewhere(2);
        assertThat(s.typed("same", 1, "same")).isEqualTo(PaneSync.Verdict.SAVE);
        assertThat(s.inConflict()).isFalse();
    }

    @Test
    void aRefusedSaveStartsTheConflictAndLoadingADocumentEndsIt() {
        PaneSync s = new PaneSync();
        s.loaded(1);
        s.refused("mine");
        assertThat(s.inConflict()).isTrue();
        assertThat(s.typed("mine!", 1, "mine")).isEqualTo(PaneSync.Verdict.MINE);
        assertThat(s.mine()).isEqualTo("mine!");
        s.loaded(5); // another document (the copy) opened
        assertThat(s.inConflict()).isFalse();
        // a change typed before it was loaded belongs to the text before: outdated
        assertThat(s.typed("late", 4, "copy")).isEqualTo(PaneSync.Verdict.OUTDATED);
        assertThat(s.typed("copy!", 5, "copy")).isEqualTo(PaneSync.Verdict.MINE);
    }

    @Test
    void anOlderSerialFromElsewhereDoesNotMoveTheMarkBack() {
        PaneSync s = new PaneSync();
        s.loaded(1);
        s.cameFromElsewhere(7);
        s.cameFromElsewhere(3);
        assertThat(s.typed("x", 6, "y")).isEqualTo(PaneSync.Verdict.OUTDATED);
    }
}
