package org.duet.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.duet.Corpus;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;
import org.duet.sync.Heuristics;
import org.duet.sync.Sync;
import org.duet.sync.Zone;
import org.junit.jupiter.api.Test;

/**
 * Over Duet's examples and every corpus program that renders a plain drawing: drawing a rect and a λ star keeps every
 * character, renders with the new shapes last and draggable, and deleting them again gives the old drawing.
 */
class DrawCorpusTest {
    static List<Path> programs() throws IOException {
        List<Path> out = new ArrayList<>(Corpus.examples());
        out.addAll(Corpus.programs());
        return out;
    }

    @Test
    void drawAndDeleteOnEveryProgram() throws IOException {
        int drawn = 0;
        List<String> problems = new ArrayList<>();
        for (Path p : programs()) {
            String text = Files.readString(p);
            Renderer.Result before;
            try {
                before = Renderer.render(p.toString(), text);
            } catch (DuetException e) {
                continue; // programs that do not render are not drawn into
            }
            if (before.slideCount > 0) continue; // slide shows: addBlob cannot add to them
            try {
                check(text, before, problems, p.getFileName().toString());
                drawn++;
            } catch (RuntimeException | AssertionError e) {
                problems.add(p.getFileName() + ": " + e);
            }
        }
        assertThat(problems).isEmpty();
        if (Corpus.isStandard()) assertThat(drawn).isGreaterThanOrEqualTo(75);
        assertThat(drawn).as("programs drawn into").isPositive();
    }

    private static void check(String text, Renderer.Result before, List<String> problems, String name) {
        int old = before.canvas.elements().size();
        String one = Draw.draw(text, Tool.RECT, Gesture.drag(10, 10, 60, 40)).text();
        String two = Draw.draw(one, Tool.LAMBDA, Gesture.drag(100, 10, 160, 70)).text();
        assertThat(DrawTest.isSubsequence(text, two))
                .as(name + " keeps every character")
                .isTrue();
        Renderer.Result after = Renderer.render(name, two);
        List<SvgElement> all = after.canvas.elements();
        assertThat(all).as(name).hasSize(old + 2);
        SvgElement rect = all.get(old), star = all.get(old + 1);
        assertThat(rect.kind).isEqualTo("rect");
        assertThat(rect.attr("x").text).isEqualTo("10");
        assertThat(rect.attr("width").text).isEqualTo("50");
        assertThat(star.kind).isEqualTo("polygon");
        var table = Sync.table(two, Heuristics.BIASED);
        for (SvgElement e : List.of(rect, star)) {
            Zone z = table.shape(e.index()).zone("Interior");
            if (z == null || !z.active()) problems.add(name + ": new " + e.kind + " cannot be dragged");
        }
        OptionalInt b1 = Blobs.blobOf(after, old), b2 = Blobs.blobOf(after, old + 1);
        assertThat(b1).as(name + " blob of the rect").isPresent();
        assertThat(b2).as(name + " blob of the star").isPresent();
        String deleted = Blobs.deleteShapes(two, List.of(old, old + 1));
        Renderer.Result back = Renderer.render(name, deleted);
        assertThat(back.canvas.toSvg(true)).as(name + " after delete").isEqualTo(before.canvas.toSvg(true));
    }
}
