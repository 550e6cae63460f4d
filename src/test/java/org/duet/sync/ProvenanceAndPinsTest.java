package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.duet.eval.Runner;
import org.duet.lang.Loc;
import org.duet.lang.Parser;
import org.duet.lang.Printer;
import org.duet.lang.Program;
import org.duet.lang.Source;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;

class ProvenanceAndPinsTest {
    static final String BOXES = "(def [x0 y0 w h sep] [40 28 60 130 110])\n"
            + "(def boxi (\\i\n  (let xi (+ x0 (* i sep))\n  (rect 'lightblue' xi y0 w h))))\n"
            + "(svg (map boxi [0 1 2]))\n";

    @Test
    void theTreeShowsOperatorsFunctionsAndConstantsWithTheirPlaces() {
        Renderer.Result r = Renderer.render("t", BOXES);
        Provenance.Step s = Runner.call(() -> Provenance.of(r, 2, "x", 100));
        assertThat(s.value()).isEqualTo(260);
        Provenance.Step plus = s.children().get(0);
        assertThat(plus.label()).isEqualTo("(+)");
        assertThat(plus.detail()).contains("function boxi").contains("line 3");
        assertThat(BOXES.substring(plus.start(), plus.end())).isEqualTo("(+ x0 (* i sep))");
        Provenance.Step x0 = plus.children().get(0);
        assertThat(x0.constant()).isTrue();
        assertThat(x0.label()).isEqualTo("x0");
        assertThat(BOXES.substring(x0.start(), x0.end())).isEqualTo("40");
        assertThat(x0.line()).isEqualTo(1);
        Provenance.Step times = plus.children().get(1);
        assertThat(times.children()).extracting(Provenance.Step::label).containsExactly("unnamed constant", "sep");
        assertThat(times.children().get(0).line()).isEqualTo(5); // the index 2 of [0 1 2]
        assertThat(s.render()).contains("sep = 110");
    }

    @Test
    void preludeStepsAreNamedButNotLinked() {
        Renderer.Result r = Renderer.render("t", "(def [a b] [10 20])\n(svg [(rect 'red' (+ a b) 20 30 40)])\n");
        Provenance.Step s = Provenance.of(r, 0, "x", 100);
        assertThat(s.children().get(0).detail()).isEqualTo("line 2");
        Renderer.Result sq = Renderer.render("t", "(svg [(square 'red' 10 20 30)])\n");
        Provenance.Step w = Provenance.of(sq, 0, "width", 100);
        assertThat(w.children().get(0).label()).isEqualTo("unnamed constant");
    }

    @Test
    void treesAreCutAtTheirSizeLimitAndUnknownNumbersAreNamed() {
        Renderer.Result r = Renderer.render("t", BOXES);
        Provenance.Step s = Provenance.of(r, 2, "x", 2);
        assertThat(s.render()).contains("…");
        assertThatThrownBy(() -> Provenance.of(r, 2, "fill.opacity", 10))
                .hasMessageContaining("has no number called fill.opacity")
                .hasMessageContaining("x, y, width, height");
        assertThatThrownBy(() -> Provenance.of(r, 9, "x", 10)).hasMessageContaining("no shape 9");
    }

    @Test
    void aPinnedConstantDrivesTheZone() {
        SyncTable t = SyncTable.of(Renderer.render("t", BOXES), Heuristics.BIASED);
        Zone z = t.zone(1, "Interior");
        assertThat(z.assigned()).extracting(Loc::name).containsExactly("sep", "y0");
        Loc x0 = t.program().locs().get(0);
        Zone pinned = z.pinned(Set.of(x0.id()));
        assertThat(pinned.assigned()).extracting(Loc::name).containsExactly("x0", "y0");
        DragResult d = Sync.drag(t, pinned, 10, 0);
        assertThat(d.newText).startsWith("(def [x0 y0 w h sep] [50 28 60 130 110])");
        assertThat(z.pinned(Set.of())).isSameAs(z);
    }

    @Test
    void annotationsAreSetAndClearedKeepingEveryOtherCharacter() {
        Program p = Parser.parse(new Source("t", "(def [a b] [10 20{0-50}])\n(svg [(rect 'red' a b 30! 40)])"), false);
        Loc a = Printer.literalAt(p, p.source().text().indexOf("10") + 1);
        assertThat(a.name()).isEqualTo("a");
        assertThat(Printer.annotate(p, a, Loc.Annotation.FROZEN)).startsWith("(def [a b] [10! 20{0-50}])");
        Loc b = Printer.literalAt(p, p.source().text().indexOf("20{0-50}") + 4);
        assertThat(Printer.annotate(p, b, Loc.Annotation.THAWED)).startsWith("(def [a b] [10 20?{0-50}])");
        Loc frozen = Printer.literalAt(p, p.source().text().indexOf("30!"));
        assertThat(Printer.annotate(p, frozen, Loc.Annotation.NONE)).endsWith("(rect 'red' a b 30 40)])");
        assertThat(Printer.literalAt(p, p.source().text().indexOf(" a b") + 1)).isNull(); // a variable
        assertThat(Printer.literalAt(p, 0)).isNull();
        List<Loc> locs = p.locs();
        assertThat(locs).hasSize(4);
    }
}
