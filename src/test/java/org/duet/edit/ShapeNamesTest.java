package org.duet.edit;

import static org.assertj.core.api.Assertions.assertThat;

import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;

/** Shapes are called by the program's own names, never by their index. */
class ShapeNamesTest {
    static String name(String program, int shape) {
        return ShapeNames.of(Renderer.render("names.little", program), shape);
    }

    @Test
    void aShapeDrawnByAToolIsCalledByItsDefinition() {
        String p = Draw.draw(
                        "(blobs [\n])\n",
                        Tool.RECT,
                        Gesture.drag(10, 10, 50, 60).withColor(100))
                .text();
        p = Draw.draw(p, Tool.RECT, Gesture.drag(100, 10, 150, 60).withColor(100))
                .text();
        assertThat(p).contains("(def rect1").contains("(def rect2");
        assertThat(name(p, 0)).isEqualTo("rect1");
        assertThat(name(p, 1)).isEqualTo("rect2");
    }

    @Test
    void aBlobOfSeveralShapesSaysWhichOfThem() {
        String p = "(def logo [(circle 'red' 10 10 5) (rect 'blue' 0 0 5 5) (circle 'green' 30 10 5)])\n"
                + "(blobs [logo])\n";
        assertThat(name(p, 0)).isEqualTo("logo's circle 1");
        assertThat(name(p, 1)).isEqualTo("logo's rect");
        assertThat(name(p, 2)).isEqualTo("logo's circle 2");
    }

    @Test
    void otherShapesAreCalledByKindAndPlaceCountedFromOne() {
        String p = "(svg [(rect 'red' 0 0 5 5) (circle 'red' 9 9 3) (rect 'blue' 20 0 5 5)])\n";
        assertThat(name(p, 0)).isEqualTo("rect 1");
        assertThat(name(p, 1)).isEqualTo("circle 1");
        assertThat(name(p, 2)).isEqualTo("rect 2");
        assertThat(name(p, 7)).isEqualTo("a shape");
    }
}
