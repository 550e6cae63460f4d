package org.duet.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;
import org.junit.jupiter.api.Test;

/** Shapes to blobs, and Delete. */
class BlobsTest {
    /** A blob list with a plain shape, a multi-shape text blob (untagged), a stretchy group and a λ blob. */
    static final String PROGRAM;

    static {
        String p = "(blobs [\n])\n";
        p = Draw.draw(p, Tool.RECT, Gesture.drag(10, 10, 50, 50)).text();
        p = Draw.draw(p, Tool.TEXT, Gesture.drag(100, 100, 200, 140)).text();
        p = Draw.draw(p, Tool.POLYGON_BB, DrawTest.clicks("300,300 400,310 380,400"))
                .text();
        p = Draw.draw(p, Tool.LAMBDA, Gesture.drag(10, 300, 60, 350)).text();
        PROGRAM = p;
    }

    static List<Integer> blobsOfAll(String text) {
        Renderer.Result r = Renderer.render("t", text);
        List<Integer> out = new ArrayList<>();
        for (SvgElement e : r.canvas.elements()) {
            OptionalInt b = Blobs.blobOf(r, e.index());
            out.add(b.isPresent() ? b.getAsInt() : null);
        }
        return out;
    }

    @Test
    void everyShapeBelongsToTheBlobThatDrewIt() {
        Renderer.Result r = Renderer.render("t", PROGRAM);
        List<String> kinds = new ArrayList<>();
        for (SvgElement e : r.canvas.elements()) kinds.add(e.kind);
        // rect; text with its ghost rails and slider (11 elements); g [box, polygon]; star polygon
        assertThat(kinds.get(0)).isEqualTo("rect");
        assertThat(kinds.get(1)).isEqualTo("text");
        int g = kinds.indexOf("g");
        assertThat(kinds.subList(g, kinds.size())).containsExactly("g", "rect", "polygon", "polygon");
        List<Integer> blobs = blobsOfAll(PROGRAM);
        List<Integer> expected = new ArrayList<>();
        expected.add(0);
        for (int i = 1; i < g; i++) expected.add(1);
        expected.addAll(List.of(2, 2, 2, 3));
        assertThat(blobs).isEqualTo(expected);
        assertThat(Blobs.blobOf(r, -1)).isEmpty();
        assertThat(Blobs.blobOf(r, kinds.size())).isEmpty();
    }

    @Test
    void deleteRemovesTheBlobsLinesInOneEdit() {
        String out = Blobs.delete(PROGRAM, List.of(1, 3));
        assertThat(out).endsWith("(blobs [\n  rect1\n  polygon3\n])\n");
        // the definitions stay (Clean Up removes them), every other character is kept
        assertThat(out).contains("(def text2");
        assertThat(out)
                .isEqualTo(PROGRAM.replace("  text2\n", "").replace("  (withBounds [10 300 60 350] star)\n", ""));
        assertThat(blobsOfAll(out)).containsExactly(0, 1, 1, 1);
    }

    @Test
    void deleteThroughShapes() {
        Renderer.Result r = Renderer.render("t", PROGRAM);
        int ghostOfText = 3; // a rail of the text's alignment slider
        assertThat(r.canvas.elements().get(ghostOfText).isGhost()).isTrue();
        int polygon = r.canvas.elements().size() - 2;
        String out = Blobs.deleteShapes(PROGRAM, List.of(ghostOfText, polygon));
        assertThat(out).endsWith("(blobs [\n  rect1\n  (withBounds [10 300 60 350] star)\n])\n");
    }

    @Test
    void oneLineListsKeepTheirSpacing() {
        String p = "(def [a b c] [[] [] []])\n(blobs [a b c])";
        assertThat(Blobs.delete(p, List.of(0))).endsWith("(blobs [b c])");
        assertThat(Blobs.delete(p, List.of(1))).endsWith("(blobs [a c])");
        assertThat(Blobs.delete(p, List.of(2))).endsWith("(blobs [a b])");
        assertThat(Blobs.delete(p, List.of(0, 2))).endsWith("(blobs [b])");
        assertThat(Blobs.delete(p, List.of(0, 1, 2))).endsWith("(blobs [])");
        String mixed = "(def [a b c d] [[] [] [] []])\n(blobs [\n  a b\n  c\n  d])";
        assertThat(Blobs.delete(mixed, List.of(1))).endsWith("(blobs [\n  a\n  c\n  d])");
        assertThat(Blobs.delete(mixed, List.of(0))).endsWith("(blobs [\n  b\n  c\n  d])");
        assertThat(Blobs.delete(mixed, List.of(3))).endsWith("(blobs [\n  a b\n  c])");
        assertThat(Blobs.delete(mixed, List.of(2))).endsWith("(blobs [\n  a b\n  d])");
    }

    @Test
    void commentedElementsGoWithTheirComment() {
        String p = "(def [a b] [[] []])\n(blobs [\n  ; the first\n  a\n  b\n])\n";
        assertThat(Blobs.delete(p, List.of(0))).isEqualTo("(def [a b] [[] []])\n(blobs [\n  b\n])\n");
    }

    @Test
    void crlfIsKept() {
        String p = "(def [a b] [[] []])\r\n(blobs [\r\n  a\r\n  b\r\n])\r\n";
        assertThat(Blobs.delete(p, List.of(0))).isEqualTo("(def [a b] [[] []])\r\n(blobs [\r\n  b\r\n])\r\n");
    }

    @Test
    void svgConcatAndSvgLists() {
        String concat = "(def a [(rect 'red' 1 1 5 5) (rect 'red' 9 9 5 5)])\n(def b [(circle 'blue' 3 3 3)])\n"
                + "(svg (concat [a b a]))";
        assertThat(blobsOfAll(concat)).containsExactly(0, 0, 1, 2, 2);
        assertThat(Blobs.deleteShapes(concat, List.of(2))).endsWith("(svg (concat [a a]))");
        String list = "(svg [\n  (rect 'red' 1 1 5 5)\n  (circle 'blue' 3 3 3)\n])";
        assertThat(blobsOfAll(list)).containsExactly(0, 1);
        assertThat(Blobs.deleteShapes(list, List.of(0))).isEqualTo("(svg [\n  (circle 'blue' 3 3 3)\n])");
    }

    @Test
    void shapesAddedToAnotherMainCanBeDeleted() {
        String p = "(svg [(rect 'red' 1 1 5 5)])";
        String one = Draw.draw(p, Tool.RECT, Gesture.drag(10, 10, 20, 20)).text();
        String two = Draw.draw(one, Tool.ELLIPSE, Gesture.drag(10, 10, 20, 20)).text();
        assertThat(blobsOfAll(two)).containsExactly(null, 0, 1);
        assertThat(Blobs.deleteShapes(two, List.of(1)))
                .endsWith("(addBlob (concat [ellipse2]) (svg [(rect 'red' 1 1 5 5)]))");
        assertThat(Blobs.deleteShapes(two, List.of(1, 2))).endsWith("\n(svg [(rect 'red' 1 1 5 5)])");
        assertThat(Blobs.deleteShapes(one, List.of(1))).endsWith("\n(svg [(rect 'red' 1 1 5 5)])");
        assertThatThrownBy(() -> Blobs.deleteShapes(two, List.of(0)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("shape 0 (rect) is not part of a blob");
    }

    @Test
    void clearErrors() {
        assertThatThrownBy(() -> Blobs.delete("(let x 1 (svg []))", List.of(0)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("main expression must be (blobs [ … ])")
                .hasMessageContaining("(let x 1 (svg []))");
        assertThatThrownBy(() -> Blobs.delete(PROGRAM, List.of(4)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("no blob 4: the list has 4 elements");
        assertThatThrownBy(() -> Blobs.deleteShapes(PROGRAM, List.of(99)))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("there is no shape 99");
        assertThat(Blobs.delete(PROGRAM, List.of())).isEqualTo(PROGRAM);
    }
}
