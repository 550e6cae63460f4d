package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.duet.lang.Loc;
import org.duet.lang.Program;
import org.duet.lang.Source;

/** Shared checks of the sync tests. */
final class SyncAssertions {
    private SyncAssertions() {}

    /**
     * The new program has the same literals in the same order, and its text differs from the old one only inside
     * numerals (a space may be added before a numeral that became negative).
     */
    static void onlyNumeralsDiffer(Program old, Program neu, String where) {
        assertThat(neu.locs()).as(where + ": number of literals").hasSameSizeAs(old.locs());
        String a = old.source().original(), b = neu.source().original();
        Source sa = old.source(), sb = neu.source();
        int pa = 0, pb = 0;
        for (int i = 0; i < old.locs().size(); i++) {
            Loc la = old.locs().get(i), lb = neu.locs().get(i);
            int sa0 = sa.originalOffset(la.numStart), sb0 = sb.originalOffset(lb.numStart);
            String between = a.substring(pa, sa0), between2 = b.substring(pb, sb0);
            if (!between.equals(between2))
                assertThat(between2)
                        .as(where + ": text before literal " + (i + 1))
                        .isEqualTo(between + " ");
            assertThat(lb.annotation)
                    .as(where + ": annotation of literal " + (i + 1))
                    .isEqualTo(la.annotation);
            assertThat(lb.range).as(where + ": range of literal " + (i + 1)).isEqualTo(la.range);
            String numeral = b.substring(sb0, sb.originalOffset(lb.numEnd));
            assertThat(numeral)
                    .as(where + ": numeral " + (i + 1))
                    .doesNotContain("e")
                    .doesNotContain("E");
            pa = sa.originalOffset(la.numEnd);
            pb = sb.originalOffset(lb.numEnd);
        }
        assertThat(b.substring(pb)).as(where + ": text after the last literal").isEqualTo(a.substring(pa));
    }
}
