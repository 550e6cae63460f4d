package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duet.sync.SyncTesting.locs;
import static org.duet.sync.SyncTesting.table;

import org.junit.jupiter.api.Test;

/** Candidates (interaction.md §1.2) and the heuristics Biased, Fair and None (§3.1), inactive zones (§2.5). */
class SyncHeuristicsTest {
    /** Three boxes at x0 + i·sep, i through the prelude's mult (so the index is not in the trace). */
    static final String THREE_BOXES = "(def threeBoxes\n"
            + "  (let [x0 y0 w h sep] [40 28 60 130 110]\n"
            + "  (let boxi (\\i\n"
            + "    (let xi (+ x0 (mult i sep))\n"
            + "    (rect 'lightblue' xi y0 w h)))\n"
            + "  (svg (map boxi [0 1 2])))))\n"
            + "threeBoxes\n";

    @Test
    void threeBoxesBiased() {
        SyncTable t = table(THREE_BOXES, Heuristics.BIASED);
        assertThat(locs(t, 0, "Interior")).containsExactly("x0", "y0");
        assertThat(locs(t, 1, "Interior")).containsExactly("sep", "y0");
        assertThat(locs(t, 2, "Interior")).containsExactly("sep", "y0");
        for (int i = 0; i < 3; i++) assertThat(locs(t, i, "BotRight")).containsExactly("w", "h");
    }

    @Test
    void threeBoxesFair() {
        SyncTable t = table(THREE_BOXES, Heuristics.FAIR);
        assertThat(locs(t, 0, "Interior")).containsExactly("x0", "y0");
        assertThat(locs(t, 1, "Interior")).containsExactly("sep", "y0");
        assertThat(locs(t, 2, "Interior")).containsExactly("sep", "y0");
        for (int i = 0; i < 3; i++) assertThat(locs(t, i, "BotRight")).containsExactly("w", "h");
    }

    @Test
    void threeBoxesDragTheSeparation() {
        DragResult r = Sync.drag(THREE_BOXES, 2, "Interior", 10, 0, Heuristics.BIASED);
        assertThat(r.newText).contains("[40 28 60 130 115]");
        assertThat(r.exact()).isTrue();
    }

    @Test
    void noneAssignsOnlySingleCandidateTraces() {
        SyncTable t = table(THREE_BOXES, Heuristics.NONE);
        assertThat(locs(t, 0, "Interior")).containsExactly("x0", "y0");
        // box 2's x depends on x0 and sep: ambiguous, so only y moves
        assertThat(SyncTesting.trigger(t, 1, "Interior")).containsExactly("y:y0");
        SyncTable amb = table("(def [a b] [1 2])\n(svg [(rect 'red' (+ a b) (+ a b) 3! 4!)])", Heuristics.NONE);
        assertThat(amb.zone(0, "Interior").active()).isFalse();
        assertThat(amb.zone(0, "Interior").inactive).isEqualTo(Zone.Inactive.AMBIGUOUS);
        // sliders stay active in None
        SyncTable s = table("(def n 3{1-10})\n(svg [(rect 'red' n 2 3 4)])", Heuristics.NONE);
        assertThat(s.widgets().get(0).active()).isTrue();
    }

    @Test
    void fairSpreadsAssignmentsAcrossZones() {
        // circles whose radius is frozen: Interior is each circle's only active zone
        String p = "(def [a b] [10 20])\n(svg [(circle 'red' (+ a b) 0! 5!) (circle 'red' (+ a b) 0! 5!)])";
        SyncTable t = table(p, Heuristics.FAIR);
        assertThat(locs(t, 0, "Interior")).containsExactly("b"); // the literal latest in the text first
        assertThat(locs(t, 1, "Interior")).containsExactly("a");
        // Biased: both take the literal latest in the text on a tie of popularity
        SyncTable b = table(p, Heuristics.BIASED);
        assertThat(locs(b, 0, "Interior")).containsExactly("b");
        assertThat(locs(b, 1, "Interior")).containsExactly("b");
    }

    @Test
    void fairGivesUpAboveOneHundredCombinations() {
        // 8 coordinates with 2 candidates each: 256 combinations for the Interior
        String p = "(def [a b] [10 20])\n(svg [(polygon 'red' 'black' 1! "
                + "[[(+ a 1) (+ b 1)] [(+ a 2) (+ b 2)] [(+ a 3) (+ b 3)] [(+ a 4) (+ b 4)]])])";
        SyncTable t = table(p, Heuristics.FAIR);
        assertThat(t.zone(0, "Interior").inactive).isEqualTo(Zone.Inactive.TOO_MANY_COMBINATIONS);
        assertThat(t.zone(0, "Interior").reason()).contains("100");
        assertThat(t.zone(0, "Point1").active()).isTrue();
        assertThat(table(p, Heuristics.BIASED).zone(0, "Interior").active()).isTrue();
    }

    @Test
    void biasedCountsPathData() {
        // a is used twice in the path, b nowhere else: Duet counts path data, so the rect's x takes b
        String p =
                "(def [a b] [1 2])\n(svg [(rect 'red' (+ a b) 0! 5! 5!) (path 'none' 'black' 1! ['M' a 0! 'L' a 0!])])";
        assertThat(locs(table(p), 0, "Interior")).containsExactly("b");
    }

    @Test
    void frozenPreludeAndConstantsAreNeverCandidates() {
        SyncTable t = table("(svg [(rect 'red' 10! 20 30 (pi))])");
        assertThat(SyncTesting.trigger(t, 0, "Interior")).containsExactly("y:loc_2");
        assertThat(t.zone(0, "BotEdge").active()).isFalse();
        assertThat(t.zone(0, "BotEdge").inactive).isEqualTo(Zone.Inactive.NO_CANDIDATES);
        assertThat(t.zone(0, "BotEdge").reason()).isNotBlank();
        // the prelude's square: its literals are frozen, the program's side is the only candidate
        SyncTable sq = table("(svg [(square 'red' 1 2 30)])");
        assertThat(SyncTesting.trigger(sq, 0, "BotRight")).containsExactly("width:loc_3", "height:loc_3");
    }

    @Test
    void unannotatedNumbersOptionFreezesUnannotatedLiterals() {
        String p = "# unannotated-numbers: n!\n(svg [(rect 'red' 10 20? 30~ 40)])";
        SyncTable t = table(p);
        assertThat(SyncTesting.trigger(t, 0, "Interior")).containsExactly("y:loc_2");
        assertThat(SyncTesting.trigger(t, 0, "BotRight")).containsExactly("width:loc_3");
        assertThat(t.zone(0, "BotEdge").active()).isFalse();
        assertThat(Sync.drag(p, 0, "TopLeft", 7, -5, Heuristics.BIASED).newText)
                .isEqualTo("# unannotated-numbers: n!\n(svg [(rect 'red' 10 15? 23~ 40)])");
        // the default option n? leaves them thawed
        assertThat(SyncTesting.trigger(
                        table("# unannotated-numbers: n?\n(svg [(rect 'red' 10 20 30 40)])"), 0, "Interior"))
                .containsExactly("x:loc_1", "y:loc_2");
    }

    @Test
    void indexLiteralsAreUsedOnlyAsALastResort() {
        String p = "(def [x0 sep] [40 110])\n(svg (map (\\i (rect 'red' (+ x0 (* i sep)) 10 20 20)) [0 1 2]))";
        SyncTable t = table(p);
        // box 3's x = x0 + 2·sep: the literal 2 of [0 1 2] is the least popular, but it is an index
        assertThat(locs(t, 2, "Interior").get(0)).isIn("x0", "sep");
        assertThat(t.zone(2, "Interior").elements.get(0).candidates).hasSize(3); // still a candidate
        String only = "(svg (map (\\i (rect 'red' (* i 10!) 10! 20! 20!)) [0 1 2]))";
        assertThat(SyncTesting.trigger(table(only), 1, "Interior")).containsExactly("x:loc_6");
    }

    @Test
    void runtimeNumbersHaveNoCandidates() {
        // a slide-show: the slide number is made at run time
        String p = "[1! (\\slide [1! (\\movie ['Static' (\\(s m) (svg [(rect 'red' (* s 10) 2 3 4)]))])])]";
        SyncTable t = table(p);
        assertThat(SyncTesting.trigger(t, 0, "Interior")).containsExactly("y:loc_4");
        assertThat(t.zone(0, "LeftEdge").trigger()).extracting(e -> e.attribute).containsExactly("width");
    }
}
