package org.duet.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.duet.svg.Renderer;
import org.duet.svg.SvgElement;
import org.duet.sync.Heuristics;
import org.duet.sync.Sync;
import org.duet.sync.SyncTable;
import org.junit.jupiter.api.Test;

/** The λ tool: the functions it offers and the blobs it adds. */
class LambdaToolTest {
    static final String PROGRAM = """
            (def house (\\(color [left top right bot])
              [(rect color left top (- right left) (- bot top))]))

            (def flag (\\bounds
              (let [l t r b] bounds [(rect 'blue' l t (- r l) (- b t))])))

            (def badge (\\(label bounds @ [left top right bot]) [(rect 'gold' left top 10 10)]))

            (def pin (\\(c [xAnchor yAnchor]) [(circle c xAnchor yAnchor 5)]))

            (def dot (\\anchor (let [x y] anchor [(circle 'black' x y 3)])))

            (def notATool (\\(a b) [(circle 'black' a b 3)]))

            (def size 10)

            (blobs [
              (withBounds [10 10 50 50] (house 'red'))
              (withAnchor [5 5] (pin 'green'))
              (withBounds [60 10 90 50] (house 'blue'))
            ])
            """;

    @Test
    void offersStarThenTheProgramsBoundsAndAnchorFunctions() {
        List<LambdaFunction> fs = Draw.lambdaFunctions(PROGRAM);
        assertThat(fs)
                .extracting(LambdaFunction::label)
                .containsExactly(
                        "bounds. star",
                        "bounds. (house 'blue')", // the most recent blob's arguments
                        "bounds. flag", // takes only the bounds
                        "anchor. (pin 'green')",
                        "anchor. dot");
        // badge takes bounds last but was never drawn: its label argument is unknown, so it is not offered
        assertThat(fs).extracting(LambdaFunction::name).doesNotContain("badge", "notATool", "size");
        assertThat(fs.get(3).takes()).isEqualTo(LambdaFunction.Takes.ANCHOR);
    }

    @Test
    void programsThatDoNotParseOrAreBlankOfferStar() {
        assertThat(Draw.lambdaFunctions("")).containsExactly(LambdaFunction.STAR);
        assertThat(Draw.lambdaFunctions("(blobs [")).containsExactly(LambdaFunction.STAR);
    }

    @Test
    void drawsTheChosenFunctionInTheDraggedBox() {
        LambdaFunction house = Draw.lambdaFunction(PROGRAM, "house");
        Draw.Result r =
                Draw.draw(PROGRAM, Tool.LAMBDA, Gesture.drag(200, 100, 120, 160).withFunction(house));
        assertThat(r.name()).isNull();
        assertThat(r.inserted()).isEqualTo("(withBounds [120 100 200 160] (house 'blue'))");
        assertThat(r.text())
                .isEqualTo(PROGRAM.replace(
                        "(house 'blue'))\n])", "(house 'blue'))\n  (withBounds [120 100 200 160] (house 'blue'))\n])"));
        Renderer.Result out = Renderer.render("r", r.text());
        List<SvgElement> all = out.canvas.elements();
        SvgElement last = all.get(all.size() - 1);
        assertThat(last.kind).isEqualTo("rect");
        assertThat(List.of(
                        last.attr("x").text,
                        last.attr("y").text,
                        last.attr("width").text,
                        last.attr("height").text,
                        last.attr("fill").text))
                .containsExactly("120", "100", "80", "60", "blue");
        SyncTable t = Sync.table(r.text(), Heuristics.BIASED);
        assertThat(t.shape(last.index()).zone("Interior").active()).isTrue();
        assertThat(Blobs.blobOf(out, last.index())).hasValue(3);
    }

    @Test
    void anchorFunctionsUseTheFirstPoint() {
        LambdaFunction pin = Draw.lambdaFunction(PROGRAM, "pin");
        Draw.Result r =
                Draw.draw(PROGRAM, Tool.LAMBDA, Gesture.drag(200, 100, 120, 160).withFunction(pin));
        assertThat(r.inserted()).isEqualTo("(withAnchor ([200 100] : Point) (pin 'green'))");
        List<SvgElement> all = Renderer.render("r", r.text()).canvas.elements();
        SvgElement last = all.get(all.size() - 1);
        assertThat(List.of(last.kind, last.attr("cx").text, last.attr("cy").text))
                .containsExactly("circle", "200", "100");
        assertThat(Sync.table(r.text(), Heuristics.BIASED)
                        .shape(last.index())
                        .zone("Interior")
                        .active())
                .isTrue();
    }

    @Test
    void squareBoxWithShift() {
        Draw.Result r = Draw.draw(
                PROGRAM,
                Tool.LAMBDA,
                Gesture.drag(100, 100, 140, 120).withShift(true).withFunction(Draw.lambdaFunction(PROGRAM, "flag")));
        assertThat(r.inserted()).isEqualTo("(withBounds [100 100 140 140] flag)");
    }

    @Test
    void unknownFunctionsAreNamedInTheError() {
        assertThatThrownBy(() -> Draw.lambdaFunction(PROGRAM, "badge"))
                .isInstanceOf(DrawException.class)
                .hasMessageContaining("cannot draw 'badge'")
                .hasMessageContaining("star, house, flag, pin, dot");
    }
}
