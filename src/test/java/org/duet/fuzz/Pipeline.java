package org.duet.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.duet.eval.Limits;
import org.duet.eval.Runner;
import org.duet.lang.DuetException;
import org.duet.lang.Loc;
import org.duet.lang.Parser;
import org.duet.lang.Program;
import org.duet.lang.Source;
import org.duet.svg.Renderer;
import org.duet.sync.DragResult;
import org.duet.sync.ShapeZones;
import org.duet.sync.Sync;
import org.duet.sync.SyncTable;
import org.duet.sync.Zone;
import org.duet.synth.Candidate;
import org.duet.synth.FeatureCatalog;
import org.duet.synth.FeatureInfo;
import org.duet.synth.Relate;
import org.duet.synth.RelateResult;

/**
 * One fuzz input through the whole of Duet, as the editor and the command line use it: parse → evaluate (with
 * limits) → SVG (the canvas writer, the command line's form and the clean export) → zones → one drag (the call
 * {@code duet drag} makes) → the dragged program parsed (and rendered) again → one relate request (the call
 * {@code duet relate} makes, with a short time limit) → its first candidate parsed and rendered.
 *
 * <p>Each stage may end the input with Duet's own error (a {@link DuetException} with a message); anything else —
 * another exception or error, an SVG text that is malformed or unsafe, a drag that changes more than numerals — is
 * a {@link Finding}. The time guard is {@link Guard}'s.
 */
final class Pipeline {
    /** The evaluation limits of the fuzz runs: Duet's defaults with a smaller step and shape budget, for speed. */
    static final Limits LIMITS = Limits.DEFAULT
            .withMaxSteps(Long.getLong("duet.fuzz.maxSteps", 150_000L))
            .withMaxShapes(Integer.getInteger("duet.fuzz.maxShapes", 10_000));

    /** Prefix of the harness's own stages (its checks of the output), which the guard does not time. */
    static final String CHECK = "check:";

    /** The stage the input is in (read by the guard when an input runs out of time). */
    volatile String stage = "start";
    /** Milliseconds spent in each stage of the current input (for the message of a time-out). */
    final java.util.Map<String, Long> stageMillis = new java.util.concurrent.ConcurrentHashMap<>();
    /** When the current stage began (System.nanoTime), read by the guard. */
    volatile long stageStart;

    private void stage(String next) {
        long now = System.nanoTime();
        if (stageStart != 0) stageMillis.merge(stage, (now - stageStart) / 1_000_000, Long::sum);
        stageStart = now;
        stage = next;
    }

    /** How far the last input got, for the run's statistics. */
    volatile String reached = "start";

    /** A problem found; {@link #signature} groups findings with the same cause. */
    static final class Finding extends RuntimeException {
        final String signature;

        Finding(String signature, String message, Throwable cause) {
            super(message, cause);
            this.signature = signature;
        }
    }

    /** Runs one input; returns normally when Duet behaved, throws {@link Finding} when it did not. */
    void run(String text, Plan plan) {
        stageMillis.clear();
        stageStart = 0;
        stage("parse");
        Program program = guarded(() -> Runner.call(() -> Parser.parse(new Source("fuzz.little", text))));
        if (program == null) return;
        reached = "parsed";

        stage("render");
        Renderer.Result r = guarded(() -> Renderer.render(program, LIMITS, Renderer.Frame.FIRST));
        if (r == null) return;
        reached = "rendered";
        checkSvg(r, plan.ghosts, "");

        stage("zones");
        SyncTable table = guarded(() -> Sync.table(r, plan.heuristics));
        if (table == null) return;
        reached = "zones";
        drag(text, program, table, plan);
        relate(r, plan);
    }

    private void checkSvg(Renderer.Result r, boolean ghosts, String what) {
        stage(what + "svg-canvas");
        String canvas = guarded(() -> r.canvas.toCanvasSvg(ghosts));
        stage(CHECK + what + "svg-canvas");
        if (canvas != null) checked("canvas", () -> SvgChecks.checkDrawing(canvas));
        stage(what + "svg-cli");
        String cli = guarded(() -> r.canvas.toSvg(false));
        stage(CHECK + what + "svg-cli");
        if (cli != null) checked("cli", () -> SvgChecks.checkDrawing(cli));
        stage(what + "svg-export");
        String export = guarded(() -> r.canvas.toExportSvg());
        stage(CHECK + what + "svg-export");
        if (export != null) checked("export", () -> SvgChecks.checkExport(export));
    }

    private void drag(String text, Program program, SyncTable table, Plan plan) {
        List<Zone> zones = new ArrayList<>();
        for (ShapeZones s : table.shapes()) zones.addAll(s.zones);
        zones.addAll(table.widgets());
        Zone zone;
        if (plan.zone != null) {
            String[] parts = plan.zone.split(" ", 2);
            stage("find-zone");
            zone = guarded(() -> Sync.find(table, Integer.parseInt(parts[0]), parts[1]));
        } else {
            if (plan.zonePick < 0 || zones.isEmpty()) return;
            zone = zones.get(plan.zonePick % zones.size());
            plan.zone = zone.shape + " " + zone.name;
        }
        if (zone == null) return;
        stage("drag");
        DragResult d = guarded(() -> Sync.drag(table, zone, plan.dx, plan.dy));
        if (d == null) return;
        reached = "dragged";
        if (d.newText == null) throw new Finding("drag:no-text", "the drag gave no program text", null);
        if (d.changedLocs.isEmpty() && !d.newText.equals(program.source().original()))
            throw new Finding("drag:changed-without-locations", "the drag changed the text but no location", null);

        stage("dragged-parse");
        Program dragged;
        try {
            dragged = Runner.call(() -> Parser.parse(new Source("dragged.little", d.newText)));
        } catch (DuetException e) {
            throw new Finding(
                    "drag:unparsable",
                    "the dragged program does not parse: " + e.getMessage() + "\n--- dragged program ---\n" + d.newText,
                    e);
        } catch (RuntimeException | Error e) {
            throw exception("dragged-parse", e);
        }
        onlyNumeralsChanged(program, dragged, d.changedLocs);
        if (plan.renderDragged) {
            stage("dragged-render");
            Renderer.Result nr = guarded(() -> Renderer.render(dragged, LIMITS, Renderer.Frame.FIRST));
            if (nr != null) checkSvg(nr, plan.ghosts, "dragged-");
        }
    }

    /**
     * The dragged program is the original with some numerals changed: the same text outside the numerals (a space
     * the printer puts before a negative numeral aside), the same literals, and new values exactly at the locations
     * the drag reported.
     */
    static void onlyNumeralsChanged(Program before, Program after, Map<Integer, Double> changed) {
        List<Loc> a = before.locs(), b = after.locs();
        if (a.size() != b.size())
            throw new Finding(
                    "drag:literal-count",
                    "the drag changed the number of literals from " + a.size() + " to " + b.size()
                            + "\n--- dragged program ---\n" + after.source().original(),
                    null);
        String sa = skeleton(before), sb = skeleton(after);
        if (!sa.equals(sb)) {
            int i = 0;
            while (i < Math.min(sa.length(), sb.length()) && sa.charAt(i) == sb.charAt(i)) i++;
            throw new Finding(
                    "drag:not-only-numerals",
                    "the drag changed more than numerals, near offset " + i + ": «"
                            + sa.substring(Math.max(0, i - 30), Math.min(sa.length(), i + 30)) + "» became «"
                            + sb.substring(Math.max(0, i - 30), Math.min(sb.length(), i + 30)) + "»",
                    null);
        }
        for (int k = 0; k < a.size(); k++) {
            Loc la = a.get(k), lb = b.get(k);
            Double want = changed.get(la.id());
            double expected = want != null ? want : la.value;
            if (la.annotation != lb.annotation || !java.util.Objects.equals(la.range, lb.range))
                throw new Finding(
                        "drag:annotation", "the drag changed the annotation or range of literal " + la.id(), null);
            if (Double.compare(expected, lb.value) != 0 && !(expected == 0 && lb.value == 0))
                throw new Finding(
                        "drag:value",
                        "literal " + la.id() + " (" + la + ") is " + lb.value + " after the drag, "
                                + (want != null ? "which reported " + want : "which did not report changing it"),
                        null);
        }
    }

    /** The text with each numeral replaced by a mark, and spaces just before a mark dropped. */
    static String skeleton(Program p) {
        String text = p.source().text();
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (Loc l : p.locs()) {
            if (l.numStart < at) continue;
            sb.append(text, at, l.numStart);
            while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
            sb.append('\u0001');
            at = l.numEnd;
        }
        return sb.append(text, at, text.length()).toString();
    }

    private void relate(Renderer.Result r, Plan plan) {
        if (plan.tool == null) return;
        if (plan.refs == null) {
            stage("features");
            String refs = guarded(() -> refs(r, plan.featurePicks));
            if (refs == null) return;
            plan.refs = refs;
        }
        if (plan.refs.isEmpty()) return;
        stage("relate");
        RelateResult res = guarded(() ->
                Relate.run(r, plan.tool, FeatureCatalog.parseRefs(plan.refs), new Relate.Options(3, plan.relateMs)));
        if (res == null) return;
        reached = "related";
        if (res.message() == null) throw new Finding("relate:null-message", "a relate result without message", null);
        if (res.candidates().isEmpty()) return;
        Candidate first = res.candidates().get(0);
        stage("candidate-parse");
        Program cp;
        try {
            cp = Runner.call(() -> Parser.parse(new Source("candidate.little", first.program())));
        } catch (DuetException e) {
            throw new Finding(
                    "relate:unparsable",
                    "the first candidate (" + first.description() + ") does not parse: " + e.getMessage()
                            + "\n--- candidate ---\n" + first.program(),
                    e);
        }
        stage("candidate-render");
        Renderer.Result cr = guarded(() -> Renderer.render(cp, Limits.DEFAULT, Renderer.Frame.FIRST));
        if (cr != null) checkSvg(cr, plan.ghosts, "candidate-");
    }

    /** Feature references chosen by the picks: a feature of a shape, a whole shape, or a slider. */
    static String refs(Renderer.Result r, int[] picks) {
        int n = r.canvas.elements().size();
        List<FeatureInfo> sliders = FeatureCatalog.sliders(r);
        List<String> out = new ArrayList<>();
        for (int pick : picks) {
            int how = pick & 7, rest = pick >>> 3;
            if (how == 0 && !sliders.isEmpty()) {
                out.add(sliders.get(rest % sliders.size()).ref());
            } else if (n > 0) {
                int shape = rest % n;
                if (how <= 2) {
                    out.add(String.valueOf(shape));
                } else {
                    List<FeatureInfo> fs = FeatureCatalog.of(r, shape);
                    if (!fs.isEmpty()) out.add(fs.get((rest / n) % fs.size()).ref());
                }
            }
        }
        return String.join(",", out);
    }

    // ------------------------------------------------------------------------------------------------ outcomes

    interface Step<T> {
        T run() throws Exception;
    }

    /** The step's value, or null if it ended with Duet's own error; a {@link Finding} for anything else. */
    private <T> T guarded(Step<T> step) {
        try {
            return step.run();
        } catch (Finding f) {
            throw f;
        } catch (DuetException e) {
            String m = e.bareMessage();
            if (m == null || m.isBlank())
                throw new Finding(
                        stage + ":blank-message", stage + ": " + e.getClass().getName() + " without a message", e);
            return null;
        } catch (Throwable t) {
            throw exception(stage, t);
        }
    }

    private void checked(String writer, Runnable check) {
        try {
            check.run();
        } catch (SvgChecks.Unsafe u) {
            boolean writerSpecific = u.rule.equals("malformed")
                    || u.rule.equals("not-a-document")
                    || u.rule.startsWith("export-")
                    || u.rule.startsWith("editor-")
                    || u.rule.startsWith("element-namespace");
            throw new Finding(
                    (writerSpecific ? "svg-" + writer : "svg") + ":" + u.rule,
                    "the " + writer + " SVG (" + stage + ") fails a check: " + u.getMessage(),
                    u);
        }
    }

    static Finding exception(String stage, Throwable t) {
        return new Finding(stage + ":" + t.getClass().getName() + "@" + topFrame(t), stage + ": " + t, t);
    }

    /** The innermost frame of Duet's own code (or the innermost frame) of a throwable, as class.method. */
    static String topFrame(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        for (StackTraceElement e : st)
            if (e.getClassName().startsWith("org.duet.") && !e.getClassName().startsWith("org.duet.fuzz."))
                return e.getClassName() + "." + e.getMethodName();
        return st.length > 0 ? st[0].getClassName() + "." + st[0].getMethodName() : "?";
    }
}
