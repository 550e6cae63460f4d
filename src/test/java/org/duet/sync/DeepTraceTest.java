package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Zone tables and drags of drawings whose numbers share a computation 9 990 operators deep (found by fuzzing:
 * timeout-zones-…-883acaf6, timeout-drag-…-b8b1be88). Before the fix the table compiled that computation once per
 * number (time and memory: numbers × depth) and a drag solved the trace once for each of its 9 991 literals; the
 * time-out only turns a hang into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeepTraceTest {
    static final int DEPTH = 9990;

    /** (+ 0 (+ 0 … (+ 0 last)…)): DEPTH literals 0 and {@code last}. */
    static String chain(String last) {
        return "(+ 0 ".repeat(DEPTH) + last + ")".repeat(DEPTH);
    }

    @Test
    void theZoneTableOfManyShapesSharingADeepComputationCompilesWithinItsBudget() {
        // 1 000 rects, 3 of their numbers each a separate trace over the shared 20 000-node chain: 60 million nodes if
        // every trace were compiled
        String program = "(def d " + chain("100") + ")\n"
                + "(svg (map (\\i (rect 'red' (+ d i) 20 (+ d 10) (+ d 10))) (range 1 1000)))";
        SyncTable t = SyncTesting.table(program);
        assertThat(t.canvas().elements()).hasSize(1000);
        long compiled = 0;
        int tooLarge = 0;
        for (Feature f : t.allFeatures) {
            if (f.expr != null) compiled += f.expr.size;
            if (f.tooLarge) tooLarge++;
        }
        assertThat(compiled).isGreaterThan(0).isLessThanOrEqualTo(Features.BUDGET_BASE + Features.SHARING * 30_000L);
        assertThat(tooLarge).isGreaterThan(0);

        // the first shapes keep their zones and drag as usual
        Zone first = t.zone(0, "Interior");
        assertThat(first.active()).isTrue();
        DragResult d = Sync.drag(t, first, 10, 5);
        assertThat(d.elements).hasSize(2).allMatch(e -> e.status == DragResult.Status.SOLVED);
        assertThat(d.elements.get(0).exact).isEqualTo(111.0);
        assertThat(d.elements.get(1).exact).isEqualTo(25.0);
        // the last ones say why the zones of their compiled-out numbers are inactive (the width alone here)
        assertThat(t.zone(999, "Interior").active()).isTrue(); // its y, 20, still drags
        Zone last = t.zone(999, "RightEdge");
        assertThat(last.active()).isFalse();
        assertThat(last.inactive).isEqualTo(Zone.Inactive.TOO_LARGE);
        assertThat(last.reason()).contains("too large");
        // the browser cannot tell what depends on a zone: the drag goes through the server
        assertThat(Prediction.of(t, first)).isNull();
    }

    @Test
    void aDragWhoseLiteralsCannotReachTheTargetGivesUpAfterAFewSubstitutes() {
        // 20 points, each coordinate 50! + m·d with its own literal m = 0 and d the chain of zeros: no literal can
        // move any of them, so every one of the 40 elements of the Interior would try all 9 991 substitutes
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < 20; i++) pts.append("[(+ ").append(50 + i).append("! (* 0 d)) (+ 60! (* 0 d))] ");
        String program = "(def d " + chain("0") + ")\n(svg [(polygon 'red' 'black' 1 [" + pts + "])])";
        SyncTable t = SyncTesting.table(program);
        Zone interior = t.zone(0, "Interior");
        assertThat(interior.active()).isTrue();
        assertThat(interior.trigger()).hasSize(40);
        DragResult d = Sync.drag(t, interior, 10, 10);
        assertThat(d.changedLocs).isEmpty();
        assertThat(d.newText).isEqualTo(program);
        assertThat(d.elements).hasSize(40).noneMatch(e -> e.status == DragResult.Status.SOLVED);
    }

    @Test
    void aDragOfADeepTraceSolvesItWithItsAssignedLiteral() {
        String program = "(svg [(line 'black' 2 " + chain("10") + " 20 300 40)])";
        SyncTable t = SyncTesting.table(program);
        DragResult d = Sync.drag(t, t.zone(0, "Point1"), 25, 5);
        assertThat(d.elements).allMatch(e -> e.status == DragResult.Status.SOLVED);
        assertThat(d.elements.get(0).exact).isEqualTo(35.0);
        assertThat(d.elements.get(1).exact).isEqualTo(25.0);
    }
}
