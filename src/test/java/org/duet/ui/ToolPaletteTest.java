package org.duet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.duet.edit.Gesture;
import org.duet.edit.LambdaFunction;
import org.duet.edit.Tool;
import org.junit.jupiter.api.Test;

/** The palette's choice of tool (with the stretchy toggle) and the canvas's gesture points as the server reads them. */
class ToolPaletteTest {
    @Test
    void eachButtonChoosesItsToolAndStretchyTheBoundingBoxVariants() {
        List<Tool> told = new ArrayList<>();
        ToolPalette p = new ToolPalette(told::add);
        assertThat(p.tool()).isNull();
        p.choose(ToolPalette.Kind.RECT);
        p.setStretchy(true);
        p.choose(ToolPalette.Kind.ELLIPSE);
        p.choose(ToolPalette.Kind.POLYGON);
        p.choose(ToolPalette.Kind.PATH);
        p.choose(ToolPalette.Kind.LINE);
        p.setStretchy(false); // does not change the line tool: nothing to tell
        p.choose(ToolPalette.Kind.TEXT);
        p.choose(ToolPalette.Kind.LAMBDA);
        p.choose(ToolPalette.Kind.PATH);
        p.choose(ToolPalette.Kind.CURSOR);
        assertThat(told)
                .containsExactly(
                        Tool.RECT,
                        Tool.RECT_BB,
                        Tool.ELLIPSE_BB,
                        Tool.POLYGON_BB,
                        Tool.PATH_BB,
                        Tool.LINE,
                        Tool.TEXT,
                        Tool.LAMBDA,
                        Tool.PATH,
                        null);
        p.choose(ToolPalette.Kind.RECT);
        p.cursorChosen(); // the canvas went back to the cursor by itself
        assertThat(p.tool()).isNull();
    }

    @Test
    void theLambdaToolKeepsItsFunctionWhileTheProgramStillOffersIt() {
        ToolPalette p = new ToolPalette(t -> {});
        assertThat(p.function()).isEqualTo(LambdaFunction.STAR);
        LambdaFunction box = new LambdaFunction("box", LambdaFunction.Takes.BOUNDS, "box");
        LambdaFunction flower = new LambdaFunction("flower", LambdaFunction.Takes.ANCHOR, "(flower 'red')");
        p.setFunctions(List.of(LambdaFunction.STAR, box, flower));
        p.choose(ToolPalette.Kind.LAMBDA);
        assertThat(p.function()).isEqualTo(LambdaFunction.STAR);
        p.chooseFunction(flower);
        assertThat(p.function()).isEqualTo(flower);
        // the program changed: flower is now offered as the call of its latest blob, and stays chosen
        LambdaFunction flower2 = new LambdaFunction("flower", LambdaFunction.Takes.ANCHOR, "(flower 'blue')");
        p.setFunctions(List.of(LambdaFunction.STAR, box, flower2));
        assertThat(p.function()).isEqualTo(flower2);
        // no longer offered: back to star
        p.setFunctions(List.of(LambdaFunction.STAR, box));
        assertThat(p.function()).isEqualTo(LambdaFunction.STAR);
        p.setFunctions(List.of());
        assertThat(p.function()).isEqualTo(LambdaFunction.STAR);
    }

    @Test
    void gesturePointsFromTheBrowser() {
        assertThat(DrawingCanvas.parsePoints("10,20,PLAIN 30.5,-4,Q 7,8,C 1,2"))
                .containsExactly(
                        new Gesture.Click(10, 20, Gesture.ClickKind.PLAIN),
                        new Gesture.Click(30.5, -4, Gesture.ClickKind.Q),
                        new Gesture.Click(7, 8, Gesture.ClickKind.C),
                        new Gesture.Click(1, 2, Gesture.ClickKind.PLAIN));
        // what the browser should not send is left out
        assertThat(DrawingCanvas.parsePoints("x,1,PLAIN 1 NaN,2,Q 3,4,Z"))
                .containsExactly(new Gesture.Click(3, 4, Gesture.ClickKind.PLAIN));
        assertThat(DrawingCanvas.parsePoints("")).isEmpty();
        assertThat(DrawingCanvas.parsePoints(null)).isEmpty();
    }
}
