package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Zone captions speak the program's names and plain words: no "(ACTIVE)", no shape index, no loc_N. */
class CaptionsTest {
    @Test
    void anActiveZoneSaysWhichNumbersADragChanges() {
        SyncTable t = SyncTesting.table("(def [x0 y0] [40 28])\n(svg [(rect 'red' x0 y0 60 130)])\n");
        Zone z = t.zone(0, "Interior");
        String c = Captions.hover(z, "rect1", t.program());
        assertThat(c)
                .startsWith("rect1 Interior — drag changes ")
                .contains("x0 (40)")
                .contains("y0 (28)");
        assertThat(c).doesNotContain("ACTIVE").doesNotContain("rect0").doesNotContain("loc_");
        assertThat(Captions.zone(z, "rect1")).isEqualTo("rect1 Interior");
    }

    @Test
    void aNumberWithoutAVariableIsCalledByItsValueAndLine() {
        SyncTable t = SyncTesting.table("(svg [\n  (rect 'red' 40 28 60 130)])\n");
        Zone z = t.zone(0, "Interior");
        String c = Captions.hover(z, "rect 1", t.program());
        assertThat(c).contains("the 40 on line 2 (40)").doesNotContain("loc_");
    }

    @Test
    void anInactiveZoneSaysWhyInWords() {
        SyncTable t = SyncTesting.table("(svg [(rect 'red' 40! 28! 60 130)])\n");
        Zone z = t.zone(0, "Interior");
        assertThat(z.active()).isFalse();
        assertThat(Captions.hover(z, "rect 1", t.program()))
                .startsWith("rect 1 Interior — cannot be dragged: ")
                .doesNotContain("INACTIVE");
    }
}
