package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.duet.Corpus;
import org.duet.eval.Interpreter;
import org.duet.eval.Limits;
import org.duet.lang.DuetException;
import org.duet.lang.Loc;
import org.duet.lang.Program;
import org.duet.svg.Canvas;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Over every corpus program that renders: every active zone of every shape is dragged by (7, −5) and the new program
 * is rendered again. The program text must differ only in numerals, frozen literals must keep their values, and each
 * element of the zone's trigger must reach its rule's target (within 0.01, the number-shortening tolerance) in the
 * re-rendered drawing — or the drag result must give the documented reason why not: a location shared with other
 * elements that need different values (CONFLICT), no value of the location reaching the target (NO_SOLUTION), or
 * control flow that changed with the new values (detected here: the element's trace is computed differently, or the
 * drawing has a different number of elements, or the new program stops with an evaluation error).
 * With {@code -Dduet.syncDebug=true} every element that does not follow the drag is printed.
 */
class SyncCorpusTest {
    static final double DX = 7, DY = -5;

    static List<Path> programs() {
        return Corpus.programs();
    }

    /** Totals over the whole corpus, by outcome. */
    static final Map<String, Integer> TOTALS = new TreeMap<>();

    static synchronized void count(String what) {
        TOTALS.merge(what, 1, Integer::sum);
    }

    @TestFactory
    Stream<DynamicTest> everyActiveZoneFollowsADrag() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : programs()) {
            String name = p.getFileName().toString().replaceAll("\\.little$", "");
            tests.add(DynamicTest.dynamicTest(name, () -> checkProgram(p)));
        }
        tests.add(DynamicTest.dynamicTest("totals", () -> {
            System.out.println("SyncCorpusTest totals: " + TOTALS);
            int elements = TOTALS.getOrDefault("element SOLVED", 0)
                    + TOTALS.getOrDefault("element CONFLICT", 0)
                    + TOTALS.getOrDefault("element NO_SOLUTION", 0);
            assertThat(TOTALS.getOrDefault("zones dragged", 0)).isGreaterThan(10000);
            assertThat(TOTALS.getOrDefault("programs", 0)).isGreaterThanOrEqualTo(60);
            // nearly all elements follow the mouse exactly
            assertThat(TOTALS.getOrDefault("element SOLVED", 0)).isGreaterThan(elements * 95 / 100);
        }));
        return tests.stream();
    }

    static void checkProgram(Path p) throws IOException {
        String text = Files.readString(p);
        Renderer.Result r;
        try {
            r = Renderer.render(p.toString(), text);
        } catch (DuetException e) {
            count("programs that do not render");
            return;
        }
        count("programs");
        SyncTable table = Sync.table(r, Heuristics.BIASED);
        for (ShapeZones s : table.shapes()) {
            for (Zone z : s.zones) {
                if (!z.active()) {
                    count("zones inactive");
                    assertThat(z.reason()).isNotBlank();
                    continue;
                }
                checkDrag(p, table, z);
            }
        }
        // the other heuristics, on the first few shapes of each program
        for (Heuristics h : new Heuristics[] {Heuristics.FAIR, Heuristics.NONE}) {
            SyncTable other = Sync.table(r, h);
            for (ShapeZones s :
                    other.shapes().subList(0, Math.min(3, other.shapes().size())))
                for (Zone z : s.zones) if (z.active()) checkDrag(p, other, z);
        }
    }

    static void checkDrag(Path p, SyncTable table, Zone z) {
        count(table.heuristics == Heuristics.BIASED ? "zones dragged" : "zones dragged " + table.heuristics.word());
        String where =
                p.getFileName() + " shape " + z.shape + " (" + z.kind + ") " + z.name + " " + table.heuristics.word();
        DragResult d = Sync.drag(table, z, DX, DY);
        Program old = table.program();
        Program neu = Interpreter.parse(p.toString(), d.newText);
        SyncAssertions.onlyNumeralsDiffer(old, neu, where);
        for (Loc l : old.locs())
            if (!table.candidate[l.id()])
                assertThat(neu.loc(l.id()).value).as(where + ": frozen " + l).isEqualTo(l.value);
        Renderer.Result r2;
        try {
            r2 = Renderer.render(neu, Limits.DEFAULT, Renderer.Frame.FIRST);
        } catch (DuetException e) {
            // control flow changed by the new values (e.g. a recursion's step became a fraction): the editor keeps
            // the previous drawing; the traces' predictions must still be what the zone asked for
            count("drags whose new program fails at run time (control flow)");
            for (DragResult.Element el : d.elements)
                if (el.status == DragResult.Status.SOLVED)
                    assertThat(Math.abs(el.predicted - el.target))
                            .as(where + " " + el.attribute)
                            .isLessThanOrEqualTo(0.01 + 1e-6);
            return;
        }
        Canvas c2 = r2.canvas;
        boolean sameStructure =
                c2.elements().size() == table.canvas().elements().size()
                        && SyncTable.kindOf(c2.elements().get(z.shape)).equals(z.kind);
        Map<String, Feature> before =
                Features.values(old, table.canvas().elements().get(z.shape));
        Map<String, Feature> after =
                sameStructure ? Features.values(neu, c2.elements().get(z.shape)) : null;
        List<TriggerElement> trig = z.trigger();
        double[] written = table.base.clone();
        for (Map.Entry<Integer, Double> c : d.changedLocs.entrySet()) written[c.getKey()] = c.getValue();
        for (int i = 0; i < d.elements.size(); i++) {
            DragResult.Element e = d.elements.get(i);
            TraceExpr ex = trig.get(i).feature.expr;
            count("element " + e.status);
            if (Boolean.getBoolean("duet.syncDebug") && e.status != DragResult.Status.SOLVED)
                System.out.println("UNSOLVED " + where + " " + e);
            String at = where + " " + e.attribute + " (" + e.status + (e.reason == null ? "" : ": " + e.reason) + ")";
            assertThat(e.predicted).as(at + " prediction").isEqualTo(ex.eval(written));
            if (e.status == DragResult.Status.SOLVED) {
                assertThat(Math.abs(e.predicted - e.target))
                        .as(at + " predicted vs target")
                        .isLessThanOrEqualTo(0.01 + 1e-6);
            } else {
                assertThat(e.reason).as(at).isNotBlank();
                if (e.status == DragResult.Status.CONFLICT) {
                    // the documented reason: another element of the zone shares a location with this one
                    boolean shares = false;
                    for (int j = 0; j < trig.size() && !shares; j++) {
                        if (j == i) continue;
                        for (int id : trig.get(j).feature.expr.leaves)
                            if (ex.hasLeaf(id) && table.candidate[id]) shares = true;
                    }
                    assertThat(shares)
                            .as(at + ": shares a location with another element")
                            .isTrue();
                } else {
                    // the documented reason: no value of its location reaches the target
                    assertThat(Solver.solve(ex, trig.get(i).loc.id(), e.target, written))
                            .as(at + ": solvable")
                            .isNull();
                }
            }
            if (after == null) {
                count("element control flow changed (drawing structure)");
                continue;
            }
            Feature f2 = after.get(e.attribute);
            assertThat(f2).as(at + " still exists").isNotNull();
            if (close(f2.value, e.predicted)) continue;
            // the output differs from what the traces predict: control flow must have changed
            String shapeBefore = before.get(e.attribute).expr == null ? "?" : shape(old, before.get(e.attribute));
            String shapeAfter = shape(neu, f2);
            assertThat(shapeAfter)
                    .as(at + ": output " + f2.value + " differs from the prediction " + e.predicted
                            + " although the trace is computed the same way")
                    .isNotEqualTo(shapeBefore);
            count("element control flow changed (trace)");
            if (Boolean.getBoolean("duet.syncDebug")) System.out.println("FLOW " + at + " " + d.changedLocs);
        }
    }

    static String shape(Program p, Feature f) {
        return TraceExpr.compile(f.trace, p).shape();
    }

    static boolean close(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b);
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }
}
