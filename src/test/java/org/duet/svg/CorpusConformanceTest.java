package org.duet.svg;

import org.duet.lang.DuetException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * Conformance with Sketch-n-Sketch v0.5.2 over every program of ../shared/corpus (read from there, never copied):
 * ghosts shown must equal NAME.svg, ghosts hidden must equal NAME.noghosts.svg (or NAME.svg). Programs on which
 * v0.5.2 failed must give a clear error with a position, or render (where the failure was v0.5.2's defect).
 * The corpus folder can be changed with -Dduet.corpus=DIR, so the same test measures programs it has not seen.
 */
class CorpusConformanceTest {
    static Path corpus() {
        String dir = System.getProperty("duet.corpus");
        if (dir != null) return Path.of(dir);
        Path p = Path.of("..", "shared", "corpus");
        if (!Files.isDirectory(p)) p = Path.of("..", "..", "shared", "corpus");
        return p;
    }

    static List<Path> programs() throws IOException {
        Path dir = corpus();
        assertThat(dir).as("the conformance corpus folder").isDirectory();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().endsWith(".little")).sorted().forEach(out::add);
        }
        return out;
    }

    static String base(Path p) { return p.getFileName().toString().replaceAll("\\.little$", ""); }

    @TestFactory
    Stream<DynamicTest> everyProgramWithAnOracleMatchesIt() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        int withOracle = 0;
        for (Path p : programs()) {
            Path oracle = p.resolveSibling(base(p) + ".svg");
            if (!Files.exists(oracle)) continue;
            withOracle++;
            Path noGhosts = p.resolveSibling(base(p) + ".noghosts.svg");
            tests.add(DynamicTest.dynamicTest(base(p), () -> {
                String text = Files.readString(p);
                Renderer.Result r;
                try {
                    r = Renderer.render(p.toString(), text);
                } catch (DuetException e) {
                    fail("Duet reported an error on a program v0.5.2 renders: " + e.format(p.toString()));
                    return;
                }
                String withGhosts = r.canvas.toSvg(true);
                assertThat(SvgCompare.difference(Files.readString(oracle), withGhosts)).as("ghosts shown").isNull();
                String hidden = r.canvas.toSvg(false);
                Path expected = Files.exists(noGhosts) ? noGhosts : oracle;
                assertThat(SvgCompare.difference(Files.readString(expected), hidden)).as("ghosts hidden").isNull();
            }));
        }
        if (System.getProperty("duet.corpus") == null) assertThat(withOracle).isGreaterThanOrEqualTo(61);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> programsSketchNSketchFailedOnGiveAClearErrorOrRender() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : programs()) {
            Path failure = p.resolveSibling(base(p) + ".sns-error.txt");
            if (!Files.exists(failure)) continue;
            tests.add(DynamicTest.dynamicTest(base(p), () -> {
                String text = Files.readString(p);
                try {
                    Renderer.Result r = Renderer.render(p.toString(), text);
                    // rendered: it must be a sound drawing (well-formed, a real svg with shapes)
                    String svg = r.canvas.toSvg(true);
                    assertThat(SvgCompare.difference(svg, svg)).isNull();
                    assertThat(r.canvas.elements()).isNotEmpty();
                } catch (DuetException e) {
                    assertThat(e.hasPosition()).as("error has a line and column: " + e.getMessage()).isTrue();
                    assertThat(e.bareMessage()).isNotBlank();
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> slideShowsRenderTheirFirstSlide() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("basicSlides", "hilbertCurveAnimation")) {
            Path p = corpus().resolve(name + ".little");
            if (!Files.exists(p)) continue;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                Renderer.Result r = Renderer.render(name, Files.readString(p));
                assertThat(r.slideCount).isGreaterThan(0);
                assertThat(r.canvas.root()).isInstanceOf(SvgElement.class);
                assertThat(((SvgElement) r.canvas.root()).kind).isEqualTo("svg");
            }));
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void unparsableCorpusProgramsPointAtTheBadSyntax() throws IOException {
        Path p = corpus().resolve("deleteBoxes.little");
        if (!Files.exists(p)) return;
        assertThatThrownBy(() -> Renderer.render(p.toString(), Files.readString(p)))
                .isInstanceOf(DuetException.class)
                .satisfies(e -> {
                    DuetException d = (DuetException) e;
                    assertThat(d.line()).isEqualTo(11);
                    assertThat(d.bareMessage()).contains("parse error");
                });
    }
}
