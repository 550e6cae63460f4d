package org.duet.doc;

import java.util.ArrayList;
import java.util.List;

/**
 * Undo/redo of a program's text. Each step is a whole text; consecutive typing within a short pause is one step,
 * and every other change (a canvas gesture, a tool) is a step of its own.
 */
public final class History {
    /** Typing changes closer together than this merge into one step. */
    public static final long TYPING_MERGE_MS = 1200;

    public static final int MAX_STEPS = 500;

    private final List<String> states = new ArrayList<>();
    private int index;
    private long lastTypingAt = Long.MIN_VALUE;

    public History(String initial) {
        states.add(initial);
        index = 0;
    }

    public String current() {
        return states.get(index);
    }

    public boolean canUndo() {
        return index > 0;
    }

    public boolean canRedo() {
        return index < states.size() - 1;
    }

    /** Records typing: merged with the previous step if that was typing a moment ago. */
    public void typed(String text, long nowMs) {
        if (text.equals(current())) return;
        boolean merge =
                lastTypingAt != Long.MIN_VALUE && nowMs - lastTypingAt < TYPING_MERGE_MS && index > 0 && !canRedo();
        if (merge) {
            states.set(index, text);
        } else {
            push(text);
        }
        lastTypingAt = nowMs;
    }

    /** Records a change that is one step on its own (a gesture, a tool, an upload). */
    public void changed(String text) {
        if (text.equals(current())) return;
        push(text);
        lastTypingAt = Long.MIN_VALUE;
    }

    /** Replaces the current step's text (an alternative chosen for the last gesture stays one undo step). */
    public void replaceCurrent(String text) {
        states.set(index, text);
        lastTypingAt = Long.MIN_VALUE;
    }

    private void push(String text) {
        while (states.size() > index + 1) states.remove(states.size() - 1);
        states.add(text);
        index++;
        if (states.size() > MAX_STEPS) {
            states.remove(0);
            index--;
        }
    }

    /** Steps back; returns the text to show, or null if there is nothing to undo. */
    public String undo() {
        if (!canUndo()) return null;
        index--;
        lastTypingAt = Long.MIN_VALUE;
        return current();
    }

    public String redo() {
        if (!canRedo()) return null;
        index++;
        lastTypingAt = Long.MIN_VALUE;
        return current();
    }
}
