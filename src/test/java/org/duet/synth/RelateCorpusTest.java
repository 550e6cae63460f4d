package org.duet.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.duet.Corpus;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;

/**
 * Make Equal and align on the Sketch-n-Sketch corpus: the first X features of the first two shapes that have one.
 * Every candidate parses, renders and has the features equal; requests without candidates say why.
 */
class RelateCorpusTest {
    @Test
    void corpus() throws IOException {
        List<Path> files = Corpus.programs();
        int withCandidates = 0, requests = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            Renderer.Result r;
            try {
                r = Renderer.render(f.toString(), text);
            } catch (DuetException e) {
                continue;
            }
            List<FeatureInfo> xs = new ArrayList<>();
            for (int s = 0; s < r.canvas.elements().size() && xs.size() < 2; s++) {
                if (r.canvas.elements().get(s).isGhost()) continue;
                for (FeatureInfo fi : FeatureCatalog.of(r, s))
                    if (fi.kind == FeatureInfo.Kind.X) {
                        xs.add(fi);
                        break;
                    }
            }
            if (xs.size() < 2) continue;
            for (String tool : new String[] {"make-equal", "align-left"}) {
                String refs = tool.equals("make-equal")
                        ? xs.get(0).ref() + "," + xs.get(1).ref()
                        : xs.get(0).shape + "," + xs.get(1).shape;
                RelateResult res = Relate.run(text, tool, refs, new Relate.Options(3, 2_000));
                requests++;
                if (res.candidates().isEmpty()) {
                    assertThat(res.message()).as(f + " " + tool).isNotBlank();
                    continue;
                }
                withCandidates++;
                for (Candidate c : res.candidates()) {
                    Renderer.Result nr = Renderer.render("candidate", c.program());
                    double a, b;
                    if (tool.equals("make-equal")) {
                        a = FeatureCatalog.resolve(nr, new FeatureCatalog.Ref(xs.get(0).shape, xs.get(0).name)).value;
                        b = FeatureCatalog.resolve(nr, new FeatureCatalog.Ref(xs.get(1).shape, xs.get(1).name)).value;
                    } else {
                        a = FeatureCatalog.box(nr, xs.get(0).shape).get("left").value;
                        b = FeatureCatalog.box(nr, xs.get(1).shape).get("left").value;
                    }
                    assertThat(Math.abs(a - b))
                            .as(f + " " + tool + " " + c.description())
                            .isLessThanOrEqualTo(0.01);
                }
            }
        }
        if (Corpus.isStandard()) assertThat(requests).isGreaterThan(80);
        assertThat(requests).as("relate requests made on " + Corpus.dir()).isPositive();
        assertThat(withCandidates).isGreaterThan(requests / 2);
    }

    /**
     * Every tool on every corpus program (features of its first shapes) either gives candidates that render, or a
     * message, or a RelateException — never another exception.
     */
    @Test
    void everyToolOnTheCorpus() throws IOException {
        List<Path> files = Corpus.programs();
        int answered = 0;
        for (Path f : files) {
            String text = Files.readString(f);
            Renderer.Result r;
            try {
                r = Renderer.render(f.toString(), text);
            } catch (DuetException e) {
                continue;
            }
            List<Integer> shapes = new ArrayList<>();
            List<String> xs = new ArrayList<>();
            for (int s = 0; s < r.canvas.elements().size() && shapes.size() < 3; s++) {
                if (r.canvas.elements().get(s).isGhost()) continue;
                for (FeatureInfo fi : FeatureCatalog.of(r, s))
                    if (fi.kind == FeatureInfo.Kind.X) {
                        shapes.add(s);
                        xs.add(fi.ref());
                        break;
                    }
            }
            if (shapes.size() < 3) continue;
            for (String tool : Relate.TOOLS) {
                String refs;
                if (tool.startsWith("align") || tool.startsWith("distribute") || tool.startsWith("equal")) {
                    refs = shapes.get(0) + "," + shapes.get(1) + "," + shapes.get(2);
                } else if (tool.equals("inside")) {
                    refs = shapes.get(1) + "," + shapes.get(0);
                } else if (tool.equals("keep-spacing") || tool.equals("relate")) {
                    refs = xs.get(0) + "," + xs.get(1);
                } else {
                    refs = String.join(",", xs);
                }
                RelateResult res;
                try {
                    res = Relate.run(text, tool, refs, new Relate.Options(2, 300));
                } catch (RelateException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    continue;
                }
                answered++;
                if (res.candidates().isEmpty())
                    assertThat(res.message()).as(f + " " + tool).isNotBlank();
                for (Candidate c : res.candidates()) Renderer.render("candidate", c.program());
            }
        }
        if (Corpus.isStandard()) assertThat(answered).isGreaterThan(300);
        assertThat(answered).as("relate requests answered on " + Corpus.dir()).isPositive();
    }
}
