package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ranked drag alternatives ({@link Alternatives}) and the {@code alternatives} command. */
class AlternativesTest {
    static final String BOXES = "(def [x0 y0 w h sep] [40 28 60 130 110])\n"
            + "(svg (map (\\i (rect 'lightblue' (+ x0 (* i sep)) y0 w h)) [0! 1! 2!]))\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() {
        // the first Choco search of a JVM loads its classes: keep that out of the 50 ms budget of the tests below
        SyncTable t = SyncTesting.table(BOXES);
        Alternatives.alternatives(t, Sync.find(t, 1, "Interior"), 1, 1, 10, 5000);
    }

    static Alternatives.Result alts(String program, int shape, String zone, double dx, double dy) {
        SyncTable t = SyncTesting.table(program);
        return Alternatives.alternatives(t, Sync.find(t, shape, zone), dx, dy, 10);
    }

    static List<String> names(Alternatives.Alternative a) {
        List<String> out = new ArrayList<>();
        for (Alternatives.Change c : a.changes) out.add(c.name);
        return out;
    }

    static double num(String program, int shape, String attr) {
        SvgElement el = Renderer.render("t", program).canvas.elements().get(shape);
        return el.attr(attr).number();
    }

    @Test
    void boxInteriorOffersSepAndY0OrX0AndY0() {
        Alternatives.Result r = alts(BOXES, 1, "Interior", 7, -5);
        assertThat(r.truncated).isFalse();
        List<List<String>> sets = new ArrayList<>();
        for (Alternatives.Alternative a : r) sets.add(names(a));
        assertThat(sets).contains(List.of("x0", "y0"), List.of("y0", "sep"));
        assertThat(sets).noneMatch(s -> s.size() > 2); // supersets of accepted sets are not offered
        for (Alternatives.Alternative a : r) {
            assertThat(a.constantsChanged).isEqualTo(2);
            assertThat(a.otherShapesMoved).isEqualTo(2); // y0 moves every box
        }
        Alternatives.Alternative first = r.get(0);
        assertThat(first.rank).isEqualTo(1);
        // equal on size, shapes moved and total change: the closer literals (x0 and y0 are neighbours) win
        assertThat(first.description).isEqualTo("change x0 40 → 47 and y0 28 → 23");
        assertThat(r.get(1).description).isEqualTo("change y0 28 → 23 and sep 110 → 117");
        assertThat(r.get(1).rank).isEqualTo(2);
        assertThat(first.changes.get(0).line).isEqualTo(1);
        assertThat(first.changes.get(0).col).isEqualTo(23);
        assertThat(first.changes.get(0).oldValue).isEqualTo(40);
        assertThat(first.changes.get(0).newValue).isEqualTo(47);
    }

    @Test
    void everyAlternativeMovesTheDraggedBoxExactly() {
        for (Alternatives.Alternative a : alts(BOXES, 1, "Interior", 7, -5)) {
            assertThat(num(a.program, 1, "x"))
                    .as(a.description)
                    .isCloseTo(40 + 110 + 7, org.assertj.core.data.Offset.offset(0.01));
            assertThat(num(a.program, 1, "y"))
                    .as(a.description)
                    .isCloseTo(28 - 5, org.assertj.core.data.Offset.offset(0.01));
            assertThat(num(a.program, 1, "width")).isEqualTo(60);
            assertThat(a.program).contains("[0! 1! 2!]");
        }
    }

    @Test
    void fewerOtherShapesMovedRanksFirst() {
        Alternatives.Result r = alts(BOXES, 1, "Interior", 7, 0);
        assertThat(r).hasSize(2);
        assertThat(r.get(0).description).isEqualTo("change sep 110 → 117");
        assertThat(r.get(0).otherShapesMoved).isEqualTo(1); // box 2
        assertThat(r.get(1).description).isEqualTo("change x0 40 → 47");
        assertThat(r.get(1).otherShapesMoved).isEqualTo(2); // boxes 0 and 2
        // box 0's x depends on x0 only
        Alternatives.Result r0 = alts(BOXES, 0, "Interior", 7, 0);
        assertThat(r0).hasSize(1);
        assertThat(r0.get(0).description).isEqualTo("change x0 40 → 47");
        // the sep alternative leaves box 0 where it was and moves box 2 by 2 × 7
        String p = r.get(0).program;
        assertThat(num(p, 0, "x")).isEqualTo(40);
        assertThat(num(p, 2, "x")).isEqualTo(40 + 2 * 117);
    }

    @Test
    void frozenLiteralsNeverChange() {
        String prog = "(def [x0 y0 w h sep] [40 28! 60 130 110])\n"
                + "(svg (map (\\i (rect 'lightblue' (+ x0 (* i sep)) y0 w h)) [0! 1! 2!]))\n";
        Alternatives.Result r = alts(prog, 2, "Interior", 7, 0);
        assertThat(r).isNotEmpty();
        for (Alternatives.Alternative a : r) {
            assertThat(names(a)).doesNotContain("y0");
            assertThat(a.program).contains("28!").contains("[0! 1! 2!]");
        }
        // y is frozen: no vertical move is possible at all
        assertThat(alts(prog, 2, "Interior", 7, -5)).isEmpty();
    }

    @Test
    void unreachableTargetGivesAnEmptyList() {
        // the width is a square, which no real value reaches below zero
        String prog = "(def s 10)\n(svg [(rect 'red' 0! 0! (* s s) 5!)])\n";
        assertThat(alts(prog, 0, "RightEdge", -200, 0)).isEmpty();
        // everything frozen
        assertThat(alts("(svg [(rect 'red' 1! 2! 3! 4!)])", 0, "Interior", 5, 5))
                .isEmpty();
        // no movement: nothing to offer
        assertThat(alts(BOXES, 1, "Interior", 0, 0)).isEmpty();
    }

    @Test
    void cornerNeedsFourConstants() {
        Alternatives.Result r = alts(BOXES, 0, "TopLeft", 3, 4);
        assertThat(r).isNotEmpty();
        Alternatives.Alternative a = r.get(0);
        assertThat(names(a)).containsExactly("x0", "y0", "w", "h");
        assertThat(a.description).isEqualTo("change x0 40 → 43, y0 28 → 32, w 60 → 57 and h 130 → 126");
        assertThat(num(a.program, 0, "width")).isEqualTo(57);
    }

    @Test
    void sliderAndInactiveZones() {
        // a slider may move its own literal, frozen or not; for a slider every shape counts as "other"
        Alternatives.Result r =
                alts("(def n 3!{1-5})\n(svg [(rect 'red' (* n 10!) 0! 5! 5!)])", Sync.WIDGETS, "IntSlider1", 50, 0);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).description).isEqualTo("change n 3 → 5");
        assertThat(r.get(0).otherShapesMoved).isEqualTo(1);
        // heuristics None gives box 1's x no location (two candidates); the alternatives use both
        SyncTable t = SyncTesting.table(BOXES, Heuristics.NONE);
        Zone z = Sync.find(t, 1, "Interior");
        Alternatives.Result rn = Alternatives.alternatives(t, z, 7, 0, 10);
        assertThat(rn).extracting(a -> a.description).containsExactly("change sep 110 → 117", "change x0 40 → 47");
        // an inactive zone (None, its only movable attribute ambiguous) still has alternatives; ties go to text order
        SyncTable t2 = SyncTesting.table("(def [a b] [1 2])\n(svg [(rect 'red' (+ a b) 0! 5! 5!)])", Heuristics.NONE);
        Zone z2 = Sync.find(t2, 0, "Interior");
        assertThat(z2.active()).isFalse();
        assertThat(Alternatives.alternatives(t2, z2, 7, 0, 10))
                .extracting(a -> a.description)
                .containsExactly("change a 1 → 8", "change b 2 → 9");
    }

    @Test
    void cliJson() throws IOException {
        Path p = dir.resolve("boxes.little");
        Files.writeString(p, BOXES);
        org.duet.app.CliRun.Result r = SyncCliTest.run(
                "alternatives",
                p.toString(),
                "--shape",
                "1",
                "--zone",
                "Interior",
                "--dx",
                "7",
                "--dy",
                "-5",
                "--top",
                "5",
                "--json");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("truncated").asBoolean()).isFalse();
        JsonNode first = j.get("alternatives").get(0);
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(first.get("description").asText()).isEqualTo("change x0 40 → 47 and y0 28 → 23");
        assertThat(first.get("otherShapesMoved").asInt()).isEqualTo(2);
        assertThat(first.get("program").asText()).isEqualTo(BOXES.replace("[40 28", "[47 23"));
        JsonNode c = first.get("changes").get(0);
        assertThat(c.get("name").asText()).isEqualTo("x0");
        assertThat(c.get("line").asInt()).isEqualTo(1);
        assertThat(c.get("col").asInt()).isEqualTo(23);
        assertThat(c.get("old").asDouble()).isEqualTo(40);
        assertThat(c.get("new").asDouble()).isEqualTo(47);
        assertThat(r.out())
                .startsWith("{\"alternatives\":[{\"rank\":1,\"description\":\"change x0 40 → 47 and y0 28 → 23\","
                        + "\"changes\":[{\"name\":\"x0\",\"line\":1,\"col\":23,\"old\":40,\"new\":47},");
        assertThat(j.get("alternatives")).hasSize(2);

        org.duet.app.CliRun.Result one = SyncCliTest.run(
                "alternatives",
                p.toString(),
                "--shape",
                "1",
                "--zone",
                "Interior",
                "--dx",
                "7",
                "--top",
                "1",
                "--json");
        assertThat(new ObjectMapper().readTree(one.out()).get("alternatives")).hasSize(1);

        org.duet.app.CliRun.Result text =
                SyncCliTest.run("alternatives", p.toString(), "--shape", "1", "--zone", "Interior", "--dx", "7");
        assertThat(text.code()).isZero();
        assertThat(text.out())
                .isEqualTo("1. change sep 110 → 117 (1 other shape moves)\n"
                        + "2. change x0 40 → 47 (2 other shapes move)\n");
    }

    @Test
    void cliErrors() throws IOException {
        Path p = dir.resolve("boxes.little");
        Files.writeString(p, BOXES);
        org.duet.app.CliRun.Result r =
                SyncCliTest.run("alternatives", p.toString(), "--shape", "7", "--zone", "Interior", "--dx", "7");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(p + ": ").contains("there is no shape 7").doesNotContain("Exception");
        r = SyncCliTest.run("alternatives", p.toString(), "--shape", "1", "--zone", "Nowhere", "--dx", "7");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(p + ": ").contains("has no zone Nowhere");
        Path bad = dir.resolve("bad.little");
        Files.writeString(bad, "(svg [(rect 'red' 1 2 3)");
        r = SyncCliTest.run("alternatives", bad.toString(), "--shape", "0", "--zone", "Interior", "--dx", "7");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(bad.toString()).doesNotContain("Exception");
        r = SyncCliTest.run(
                "alternatives", dir.resolve("missing.little").toString(), "--shape", "0", "--zone", "Interior");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception");
    }
}
