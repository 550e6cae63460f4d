package org.duet.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.duet.synth.FeatureCatalog;
import org.duet.synth.FeatureInfo;
import org.duet.synth.Relate;
import org.duet.synth.RelateResult;

/**
 * {@code duet bench --relate TOOL}: one relate request per program (top 5), timed in one JVM after warm-up. Features
 * are picked automatically: for make-equal, relate and keep-spacing the first X feature of the first two shapes
 * that have one (ghosts excluded); for the shape tools (align, distribute, equal sizes) the first two (three for
 * distribute) such shapes.
 */
final class RelateBench {
    private RelateBench() {}

    static String request(String tool, String text) {
        Renderer.Result r = Renderer.render("bench", text);
        int need = tool.startsWith("distribute") ? 3 : 2;
        boolean shapes = tool.startsWith("align")
                || tool.startsWith("distribute")
                || tool.startsWith("equal")
                || tool.equals("inside");
        List<String> refs = new ArrayList<>();
        for (int s = 0; s < r.canvas.elements().size() && refs.size() < need; s++) {
            if (r.canvas.elements().get(s).isGhost()) continue;
            for (FeatureInfo f : FeatureCatalog.of(r, s)) {
                if (f.kind != FeatureInfo.Kind.X) continue;
                refs.add(shapes ? String.valueOf(s) : f.ref());
                break;
            }
        }
        return refs.size() == need ? String.join(",", refs) : null;
    }

    static int run(
            String tool,
            List<String> names,
            List<String> texts,
            int runs,
            int warmup,
            PrintWriter out,
            PrintWriter err) {
        if (!Relate.TOOLS.contains(tool)) {
            err.println(
                    "duet bench: unknown relate tool '" + tool + "' (tools: " + String.join(", ", Relate.TOOLS) + ")");
            return 1;
        }
        Relate.Options o = new Relate.Options(5, 500);
        List<String> reqs = new ArrayList<>();
        for (String t : texts) {
            String q;
            try {
                q = request(tool, t);
            } catch (DuetException e) {
                q = null;
            }
            reqs.add(q);
        }
        for (int w = 0; w < warmup; w++)
            for (int i = 0; i < texts.size(); i++) if (reqs.get(i) != null) once(tool, texts.get(i), reqs.get(i), o);
        List<Double> all = new ArrayList<>();
        int measured = 0, timedOut = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (reqs.get(i) == null) {
                out.printf(
                        Locale.ROOT,
                        "%s - - skipped (fewer than two shapes with features, or does not render)%n",
                        names.get(i));
                continue;
            }
            double[] ms = new double[runs];
            Object res = null;
            for (int k = 0; k < runs; k++) {
                long t0 = System.nanoTime();
                res = once(tool, texts.get(i), reqs.get(i), o);
                ms[k] = (System.nanoTime() - t0) / 1e6;
                all.add(ms[k]);
            }
            Arrays.sort(ms);
            double median = ms[runs / 2], p95 = ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)];
            String what;
            if (res instanceof RelateResult rr) {
                what = rr.candidates().size() + " candidates" + (rr.timedOut() ? " (timed out)" : "")
                        + (rr.candidates().isEmpty() ? ": " + rr.message() : "");
                if (rr.timedOut()) timedOut++;
            } else {
                what = "error: " + res;
            }
            measured++;
            out.printf(Locale.ROOT, "%s %.3f %.3f %s %s%n", names.get(i), median, p95, reqs.get(i), what);
            out.flush();
        }
        double[] a = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(
                Locale.ROOT,
                "TOTAL %d programs, %d requests timed out: median %.3f ms, p95 %.3f ms, max %.3f ms%n",
                measured,
                timedOut,
                a.length == 0 ? 0 : a[a.length / 2],
                a.length == 0 ? 0 : a[Math.min(a.length - 1, (int) Math.ceil(a.length * 0.95) - 1)],
                a.length == 0 ? 0 : a[a.length - 1]);
        return 0;
    }

    private static Object once(String tool, String text, String refs, Relate.Options o) {
        try {
            return Relate.run(text, tool, refs, o);
        } catch (DuetException e) {
            return e.getMessage().split("\n")[0];
        }
    }
}
