package org.duet.svg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.duet.Corpus;
import org.duet.lang.DuetException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Conformance with Sketch-n-Sketch v0.5.2 over every program of ../shared/corpus (read from there, never copied):
 * ghosts shown must equal NAME.svg, ghosts hidden must equal NAME.noghosts.svg (or NAME.svg). Programs on which
 * v0.5.2 failed must give a clear error with a position, or render (where the failure was v0.5.2's defect).
 * The corpus folder can be changed with -Dduet.corpus=DIR (see {@link Corpus}), so the same test measures programs it
 * has not seen.
 */
class CorpusConformanceTest {
    static List<Path> programs() {
        return Corpus.programs();
    }

    static String base(Path p) {
        return Corpus.name(p);
    }

    /**
     * What Duet does with each standard-corpus program v0.5.2 failed on: the number of visible shapes it draws, or
     * the line of the parse error it reports (a negative number). See SPEC.md, "Differences from Sketch-n-Sketch".
     */
    static final Map<String, Integer> SNS_FAILURES = Map.of(
            "basicSlides", 1, // v0.5.2 crashed on slide shows; Duet draws the first slide
            "hilbertCurveAnimation", 2, // likewise: the first frame of the animation
            "waveOfBoxesTokens", 15, // v0.5.2 lacked `or` in its prelude; n = 15 boxes
            "deleteBoxes", -11, // `[| … |]` is not little syntax
            "relateCircles0", -1);

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
                assertThat(SvgCompare.difference(Files.readString(oracle), withGhosts))
                        .as("ghosts shown")
                        .isNull();
                String hidden = r.canvas.toSvg(false);
                Path expected = Files.exists(noGhosts) ? noGhosts : oracle;
                assertThat(SvgCompare.difference(Files.readString(expected), hidden))
                        .as("ghosts hidden")
                        .isNull();
            }));
        }
        if (Corpus.isStandard()) assertThat(withOracle).isGreaterThanOrEqualTo(61);
        assertThat(withOracle)
                .as("programs with an oracle SVG in " + Corpus.dir())
                .isPositive();
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> programsSketchNSketchFailedOnGiveAClearErrorOrRender() {
        List<DynamicTest> tests = new ArrayList<>();
        int failures = 0;
        for (Path p : programs()) {
            Path failure = p.resolveSibling(base(p) + ".sns-error.txt");
            if (!Files.exists(failure)) continue;
            failures++;
            Integer expected = SNS_FAILURES.get(base(p));
            if (Corpus.isStandard())
                assertThat(expected)
                        .as("the expected outcome of " + base(p) + " (add it to SNS_FAILURES)")
                        .isNotNull();
            tests.add(DynamicTest.dynamicTest(base(p), () -> {
                String text = Files.readString(p);
                Renderer.Result r;
                try {
                    r = Renderer.render(p.toString(), text);
                } catch (DuetException e) {
                    assertThat(e.hasPosition())
                            .as("error has a line and column: " + e.getMessage())
                            .isTrue();
                    assertThat(e.bareMessage()).isNotBlank();
                    if (expected != null) {
                        assertThat(expected)
                                .as("Duet was expected to render " + base(p) + ", not: " + e.getMessage())
                                .isNegative();
                        assertThat(e.line()).as("the line of the error").isEqualTo(-expected);
                    }
                    return;
                }
                if (expected != null)
                    assertThat(expected)
                            .as("Duet was expected to report an error on " + base(p))
                            .isPositive();
                // rendered: a well-formed SVG document (parsed by a real XML parser) with the expected shapes
                String svg = r.canvas.toSvg(false);
                org.w3c.dom.Element root = parseXml(svg);
                assertThat(root.getLocalName()).isEqualTo("svg");
                int shapes = 0;
                org.w3c.dom.NodeList all = root.getElementsByTagName("*");
                for (int i = 0; i < all.getLength(); i++)
                    if (SHAPE_TAGS.contains(all.item(i).getLocalName())) shapes++;
                if (expected != null)
                    assertThat(shapes).as("visible shapes drawn").isEqualTo(expected);
                else assertThat(shapes).as("visible shapes drawn").isPositive();
            }));
        }
        if (Corpus.isStandard()) assertThat(failures).isEqualTo(SNS_FAILURES.size());
        return tests.stream();
    }

    static final java.util.Set<String> SHAPE_TAGS =
            java.util.Set.of("rect", "circle", "ellipse", "line", "polygon", "polyline", "path", "text");

    static org.w3c.dom.Element parseXml(String svg) throws Exception {
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    @TestFactory
    Stream<DynamicTest> slideShowsRenderTheirFirstSlide() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : List.of("basicSlides", "hilbertCurveAnimation")) {
            if (!Corpus.isStandard() && !Files.exists(Corpus.dir().resolve(name + ".little"))) continue;
            Path p = Corpus.program(name);
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
        org.junit.jupiter.api.Assumptions.assumeTrue(Corpus.isStandard(), "a program of the standard corpus");
        Path p = Corpus.program("deleteBoxes");
        assertThatThrownBy(() -> Renderer.render(p.toString(), Files.readString(p)))
                .isInstanceOf(DuetException.class)
                .satisfies(e -> {
                    DuetException d = (DuetException) e;
                    assertThat(d.line()).isEqualTo(11);
                    assertThat(d.bareMessage()).contains("parse error");
                });
    }
}
