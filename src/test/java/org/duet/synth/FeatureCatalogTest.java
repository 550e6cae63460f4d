package org.duet.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;

/** Feature names, values, kinds and geometry (interaction.md §7.2). */
class FeatureCatalogTest {
    static Map<String, FeatureInfo> features(String program, int shape) {
        Map<String, FeatureInfo> m = new LinkedHashMap<>();
        for (FeatureInfo f : FeatureCatalog.of(Renderer.render("t", program), shape)) m.put(f.name, f);
        return m;
    }

    @Test
    void rectFeatures() {
        Map<String, FeatureInfo> fs = features("(svg [(rect 'red' 10 20 100 50)])", 0);
        assertThat(fs.keySet())
                .containsExactly(
                        "rectTLX",
                        "rectTLY",
                        "rectTRX",
                        "rectTRY",
                        "rectBLX",
                        "rectBLY",
                        "rectBRX",
                        "rectBRY",
                        "rectTCX",
                        "rectTCY",
                        "rectCRX",
                        "rectCRY",
                        "rectBCX",
                        "rectBCY",
                        "rectCLX",
                        "rectCLY",
                        "rectCX",
                        "rectCY",
                        "rectWidth",
                        "rectHeight");
        assertThat(fs.get("rectCRX").value).isEqualTo(110);
        assertThat(fs.get("rectCRY").value).isEqualTo(45);
        assertThat(fs.get("rectCRX").kind).isEqualTo(FeatureInfo.Kind.X);
        assertThat(fs.get("rectCRX").point).isEqualTo("CR");
        assertThat(fs.get("rectCRY").point).isEqualTo("CR");
        assertThat(fs.get("rectCRY").x).isEqualTo(110);
        assertThat(fs.get("rectCRY").y).isEqualTo(45);
        assertThat(fs.get("rectCX").formula).isEqualTo("(+ x (/ width 2))");
        assertThat(fs.get("rectCX").ref()).isEqualTo("0.rectCX");
        FeatureInfo w = fs.get("rectWidth");
        assertThat(w.kind).isEqualTo(FeatureInfo.Kind.DISTANCE);
        assertThat(new double[] {w.x1, w.y1, w.x2, w.y2}).containsExactly(10, 45, 110, 45);
        FeatureInfo h = fs.get("rectHeight");
        assertThat(new double[] {h.x1, h.y1, h.x2, h.y2}).containsExactly(60, 20, 60, 70);
        assertThat(w.point).isNull();
        assertThat(Double.isNaN(w.x)).isTrue();
    }

    @Test
    void circleEllipseAndBoxes() {
        Map<String, FeatureInfo> c = features("(svg [(circle 'red' 100 50 20)])", 0);
        assertThat(c.get("circleTLX").value).isEqualTo(80);
        assertThat(c.get("circleBRY").value).isEqualTo(70);
        assertThat(c.get("circleR").value).isEqualTo(20);
        assertThat(c.get("circleR").x2).isEqualTo(120);
        Map<String, FeatureInfo> e = features("(svg [(ellipse 'red' 100 50 30 10)])", 0);
        assertThat(e.get("ellipseCRX").value).isEqualTo(130);
        assertThat(e.get("ellipseRY").value).isEqualTo(10);
        assertThat(new double[] {
                    e.get("ellipseRY").x1, e.get("ellipseRY").y1, e.get("ellipseRY").x2, e.get("ellipseRY").y2
                })
                .containsExactly(100, 40, 100, 50);
        Map<String, FeatureInfo> b =
                features("(svg [['BOX' [['LEFT' 10] ['TOP' 20] ['RIGHT' 90] ['BOT' 60] ['fill' 'red']] []]])", 0);
        assertThat(b.get("boxCX").value).isEqualTo(50);
        assertThat(b.get("boxWidth").value).isEqualTo(80);
        assertThat(b.get("boxBRY").value).isEqualTo(60);
        Map<String, FeatureInfo> o =
                features("(svg [['OVAL' [['LEFT' 10] ['TOP' 20] ['RIGHT' 90] ['BOT' 60] ['fill' 'red']] []]])", 0);
        assertThat(o.get("ovalRX").value).isEqualTo(40);
        assertThat(o.get("ovalCY").value).isEqualTo(40);
    }

    @Test
    void linesPolygonsPolylinesPaths() {
        Map<String, FeatureInfo> l = features("(svg [(line 'black' 2 10 20 50 80)])", 0);
        assertThat(l.keySet()).contains("lineX1", "lineY1", "lineX2", "lineY2", "lineCX", "lineCY", "strokeWidth");
        assertThat(l.get("lineCX").value).isEqualTo(30);
        assertThat(l.get("lineX2").point).isEqualTo("P2");
        Map<String, FeatureInfo> p = features("(svg [(polygon 'red' 'black' 1 [[0 0] [100 0] [100 50]])])", 0);
        assertThat(p.get("polygonPtX3").value).isEqualTo(100);
        assertThat(p.get("polygonMidptX3").value).isEqualTo(50); // wraps from point 3 to point 1
        assertThat(p.get("polygonMidptY3").value).isEqualTo(25);
        assertThat(p.get("polygonMidptY3").point).isEqualTo("Midpt3");
        Map<String, FeatureInfo> pl = features("(svg [(polyline 'none' 'black' 1 [[0 0] [100 0] [100 50]])])", 0);
        assertThat(pl.keySet()).contains("polylinePtX1", "polylineMidptX2").doesNotContain("polylineMidptX3");
        Map<String, FeatureInfo> path = features("(svg [(path 'none' 'black' 1 ['M' 10 20 'Q' 30 40 50 60])])", 0);
        assertThat(path.get("pathPtX1").value).isEqualTo(10);
        assertThat(path.get("pathPtY3").value).isEqualTo(60);
    }

    @Test
    void colourOpacityRotation() {
        Map<String, FeatureInfo> fs =
                features("(svg [(addAttr (rect [100 0 0 0.5] 10 20 30 40) ['transform' [['rotate' 30 25 40]]])])", 0);
        assertThat(fs.keySet()).doesNotContain("fill");
        Map<String, FeatureInfo> gs =
                features("(svg [(addAttr (rect 120 10 20 30 40) ['transform' [['rotate' 30 25 40]]])])", 0);
        assertThat(gs.get("fill").value).isEqualTo(120);
        assertThat(gs.get("fill").kind).isEqualTo(FeatureInfo.Kind.OTHER);
        assertThat(gs.get("rotation").value).isEqualTo(30);
    }

    @Test
    void references() {
        assertThat(FeatureCatalog.parseRefs("2.rectTLX, 3"))
                .containsExactly(new FeatureCatalog.Ref(2, "rectTLX"), new FeatureCatalog.Ref(3, null));
        assertThatThrownBy(() -> FeatureCatalog.parseRef("x.rectTLX")).hasMessageContaining("bad feature reference");
        assertThatThrownBy(() -> FeatureCatalog.parseRef("2.")).hasMessageContaining("no feature name");
        Renderer.Result r = Renderer.render("t", "(svg [(circle 'red' 1 2 3)])");
        assertThatThrownBy(() -> FeatureCatalog.resolve(r, FeatureCatalog.parseRef("0.rectTLX")))
                .hasMessageStartingWith("shape 0 (circle) has no feature rectTLX (its features: circleTLX, circleTLY,");
        List<FeatureInfo> all = FeatureCatalog.of(r, 0);
        assertThat(FeatureCatalog.resolve(r, FeatureCatalog.parseRef("0.circleR")).value)
                .isEqualTo(3);
        assertThat(all).isNotEmpty();
    }
}
