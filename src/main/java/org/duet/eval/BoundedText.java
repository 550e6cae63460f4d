package org.duet.eval;

/**
 * A string builder with a length limit, for every string made from values (toString, debug, dictionary keys,
 * displays in messages). It refuses to grow past its limit: the append that would pass it throws {@link Full} at
 * once, so a value whose display is enormous (a tree with shared branches has 2^depth leaves) costs at most the limit
 * to try. When it is given an evaluator it charges one step per 64 characters as it grows, so building also counts
 * toward the step budget.
 */
final class BoundedText {
    /** The text would be longer than its limit. Carries no stack trace: it is caught and turned into a message. */
    static final class Full extends RuntimeException {
        Full() {
            super("text longer than its limit", null, false, false);
        }
    }

    /** Characters per step charged. */
    static final int CHARS_PER_STEP = 64;
    /** Steps are charged every this many characters (and at {@link #finish()}). */
    private static final int CHARGE_EVERY = 1 << 14;

    private final StringBuilder sb = new StringBuilder();
    /** Where the display of a list already written starts and ends, so that a shared list is copied, not walked. */
    private java.util.IdentityHashMap<Object, int[]> written;

    private final int max;
    private final Evaluator ev;
    private long charged;
    private int nextCharge = CHARGE_EVERY;

    /** A text of at most max characters, charging ev (when not null) as it grows. */
    BoundedText(int max, Evaluator ev) {
        this.max = max;
        this.ev = ev;
    }

    int length() {
        return sb.length();
    }

    int max() {
        return max;
    }

    /** Appends s; if that would pass the limit, appends what fits and throws {@link Full}. */
    BoundedText append(String s) {
        int room = max - sb.length();
        if (s.length() > room) {
            sb.append(s, 0, room);
            throw new Full();
        }
        sb.append(s);
        grew();
        return this;
    }

    /** Appends s[from, to); if that would pass the limit, appends what fits and throws {@link Full}. */
    BoundedText append(String s, int from, int to) {
        int room = max - sb.length();
        if (to - from > room) {
            sb.append(s, from, from + room);
            throw new Full();
        }
        sb.append(s, from, to);
        grew();
        return this;
    }

    /**
     * If the display of v was written into this text before (v is shared), appends a copy of it and returns true.
     * A tree whose branches are one shared value then costs its distinct nodes plus copying, not a walk of every leaf.
     */
    boolean repeat(Object v) {
        int[] at = written == null ? null : written.get(v);
        if (at == null) return false;
        int room = max - sb.length();
        if (at[1] - at[0] > room) {
            sb.append(sb, at[0], at[0] + room);
            throw new Full();
        }
        sb.append(sb, at[0], at[1]);
        grew();
        return true;
    }

    /** Displays shorter than this are not recorded (walking them again costs about as much as copying). */
    private static final int REPEAT_MIN = 64;

    /** Records that the display of v was written from start to the present end, for {@link #repeat}. */
    void written(Object v, int start) {
        if (sb.length() - start < REPEAT_MIN) return;
        if (written == null) written = new java.util.IdentityHashMap<>();
        written.put(v, new int[] {start, sb.length()});
    }

    /** Appends the decimal digits of n (with a minus sign if negative) without making a string. */
    BoundedText append(long n) {
        int len = n < 0 ? 2 : 1;
        for (long m = Math.abs(n / 10); m > 0; m /= 10) len++;
        if (len > max - sb.length()) return append(Long.toString(n));
        sb.append(n);
        grew();
        return this;
    }

    BoundedText append(char c) {
        if (sb.length() >= max) throw new Full();
        sb.append(c);
        grew();
        return this;
    }

    private void grew() {
        if (ev != null && sb.length() >= nextCharge) {
            nextCharge = sb.length() + CHARGE_EVERY;
            chargeUpTo(sb.length());
        }
    }

    private void chargeUpTo(int length) {
        long due = length / CHARS_PER_STEP - charged;
        if (due > 0) {
            charged += due;
            ev.charge(due);
        }
    }

    /** The text (at most max characters), after charging the steps still due. */
    String finish() {
        if (ev != null) chargeUpTo(sb.length());
        return sb.toString();
    }

    /** The text so far, charging nothing (for a display cut short). */
    @Override
    public String toString() {
        return sb.toString();
    }
}
