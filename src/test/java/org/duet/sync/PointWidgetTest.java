package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;

/** Point widgets: a pair of numbers annotated (e : Point) can be dragged like a shape's point (interaction.md §2.6). */
class PointWidgetTest {
    static final String P =
            "(def [cx cy] ([100 200] : Point))\n(svg [(circle 'red' cx cy 20) (circle 'blue' (+ cx 50) cy 10)])\n";

    @Test
    void aPointAnnotationMakesADraggableWidget() {
        Renderer.Result r = Renderer.render("t", P);
        assertThat(r.points).hasSize(1);
        SyncTable t = SyncTable.of(r, Heuristics.BIASED);
        Zone z = Sync.find(t, Sync.WIDGETS, "PointSlider1");
        assertThat(z.active()).isTrue();
        assertThat(z.kind).isEqualTo("point");
        DragResult d = Sync.drag(t, z, 10, -5);
        assertThat(d.newText).startsWith("(def [cx cy] ([110 195] : Point))");
        // the output follows: both circles moved
        Renderer.Result after = Renderer.render("t", d.newText);
        assertThat(after.canvas.elements().get(1).attr("cx").value.toString()).contains("160");
    }

    @Test
    void onlyPairsOfNumbersAreWidgetsAndFrozenOnesAreInactive() {
        assertThat(Renderer.render("t", "(def q ([1 2 3] : Point))\n(svg [])").points)
                .isEmpty();
        assertThat(Renderer.render("t", "(def q ('a' : Point))\n(svg [])").points)
                .isEmpty();
        SyncTable t = SyncTable.of(
                Renderer.render("t", "(def [x y] ([5! 6!] : Point))\n(svg [(circle 'red' x y 3)])"), Heuristics.BIASED);
        assertThat(Sync.find(t, Sync.WIDGETS, "PointSlider1").active()).isFalse();
    }
}
