package org.duet.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;

/**
 * Relate tools: pure functions (program text, tool, feature references, options) → ranked candidate programs.
 * See "Relating features" in {@code little-lang/SPEC.md}.
 *
 * <p>Tools: {@code dig-hole}, {@code make-equal}, {@code relate}, {@code indexed-relate} (interaction.md §8.2–8.5),
 * {@code align-left|align-center|align-right|align-top|align-middle|align-bottom}, {@code distribute-h|distribute-v},
 * {@code equal-width|equal-height|equal-size}, {@code keep-spacing} and {@code inside}. References are
 * {@code N.FEATURE} ({@code 2.rectTLX}, names of §7.2 as listed by {@link FeatureCatalog#of}) or {@code N} for a
 * whole shape (align, distribute, equal sizes, keep spacing, inside), N being the shape's number in
 * {@code Canvas.elements()}.
 *
 * <p>Ranking (smaller first): program size in syntax nodes, number of rewritten literals, lines between the rewritten
 * literals, rewritten literals that had a user's name, total change of the rewritten values, then the tool's own
 * score. Every candidate returned parses, renders, and satisfies the relation in its re-rendered drawing (within 0.01).
 */
public final class Relate {
    private Relate() {}

    /** At most {@code top} candidates; the whole request (search, writing, checking) within {@code timeLimitMs}. */
    public record Options(int top, long timeLimitMs) {
        public Options {
            if (top < 1) throw new IllegalArgumentException("top must be at least 1");
            if (timeLimitMs < 1) throw new IllegalArgumentException("the time limit must be at least 1 ms");
        }
    }

    public static final Options DEFAULTS = new Options(5, 500);

    public static final List<String> TOOLS = List.of(
            "dig-hole",
            "make-equal",
            "relate",
            "indexed-relate",
            "align-left",
            "align-center",
            "align-right",
            "align-top",
            "align-middle",
            "align-bottom",
            "distribute-h",
            "distribute-v",
            "equal-width",
            "equal-height",
            "equal-size",
            "keep-spacing",
            "inside");

    /** As {@link #run(String, String, List, Options)} with a comma-separated list of references. */
    public static RelateResult run(String text, String tool, String refs, Options o) {
        return run(text, tool, FeatureCatalog.parseRefs(refs), o);
    }

    /**
     * Runs a relate tool on a program. Throws RelateException for an unknown tool, shape or feature or a selection
     * the tool cannot use, and the program's DuetException if it does not render.
     */
    public static RelateResult run(String text, String tool, List<FeatureCatalog.Ref> refs, Options o) {
        check(tool, refs);
        long t0 = System.nanoTime();
        Renderer.Result r = Renderer.render("program", text);
        if (Ctx.DEBUG) System.err.printf("relate: render %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        return run(r, tool, refs, o);
    }

    /**
     * As {@link #run(String, String, List, Options)} on a program already rendered (at its first frame, with the
     * default limits, as {@code Renderer.render(name, text)} does): saves one evaluation. The candidates' programs
     * are edits of {@code r.program}'s text.
     */
    public static RelateResult run(Renderer.Result r, String tool, List<FeatureCatalog.Ref> refs, Options o) {
        check(tool, refs);
        String text = r.program.source().original();
        Search.warmUp();
        Ctx ctx = new Ctx(text, r, o.timeLimitMs());
        try {
            return run(ctx, tool, refs, o);
        } catch (Sym.TimeUp e) {
            return new RelateResult(
                    List.of(),
                    true,
                    "the time limit of " + o.timeLimitMs() + " ms was reached before any candidate was found");
        } catch (Sym.TooComplex e) {
            throw new RelateException("the selection is too complex to relate: " + e.getMessage());
        }
    }

    private static RelateResult run(Ctx ctx, String tool, List<FeatureCatalog.Ref> refs, Options o) {
        switch (tool) {
            case "dig-hole":
                return Tools.digHole(ctx, refs, o.top());
            case "make-equal":
                return Tools.makeEqual(ctx, refs, o.top());
            case "relate":
                return Search.relate(ctx, refs, o.top());
            case "indexed-relate":
                return Search.indexedRelate(ctx, refs, o.top());
            case "distribute-h":
            case "distribute-v":
                return Tools.distribute(ctx, refs, tool.endsWith("h"), o.top());
            case "equal-width":
            case "equal-height":
            case "equal-size":
                return Tools.equalSize(ctx, refs, tool, o.top());
            case "keep-spacing":
                return Tools.keepSpacing(ctx, refs, o.top());
            case "inside":
                return Search.inside(ctx, refs, o.top());
            default:
                return Tools.align(ctx, refs, tool.substring("align-".length()), o.top());
        }
    }

    private static void check(String tool, List<FeatureCatalog.Ref> refs) {
        if (!TOOLS.contains(tool))
            throw new RelateException("unknown tool '" + tool + "' (tools: " + String.join(", ", TOOLS) + ")");
        if (refs.isEmpty()) throw new RelateException(tool + " needs at least one feature or shape");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** {@code rect1}: the shape's kind and number. */
    static String shapeLabel(Ctx ctx, int shape) {
        return FeatureCatalog.kindOf(FeatureCatalog.element(ctx.r, shape)).toLowerCase(Locale.ROOT) + shape;
    }

    static EqualitySearch.Member member(Ctx ctx, FeatureInfo f) {
        FeatureCatalog.Ref ref = new FeatureCatalog.Ref(f.shape, f.name);
        return new EqualitySearch.Member(f.ref(), f.shape, ctx.sym(f), nr -> FeatureCatalog.resolve(nr, ref).value);
    }

    /** A bounding feature of a whole shape ({@link FeatureCatalog#box}). */
    static EqualitySearch.Member boxMember(Ctx ctx, int shape, String key) {
        FeatureInfo f = FeatureCatalog.box(ctx.r, shape).get(key);
        if (f == null)
            throw new RelateException(
                    "shape " + shape + " (" + shapeLabel(ctx, shape).replaceAll("[0-9]+$", "") + ") has no " + key);
        return new EqualitySearch.Member(
                shapeLabel(ctx, shape) + "." + key,
                shape,
                ctx.sym(f),
                nr -> FeatureCatalog.box(nr, shape).get(key).value);
    }

    static EqualitySearch.Member difference(String label, EqualitySearch.Member a, EqualitySearch.Member b) {
        ToDoubleFunction<Renderer.Result> ma = a.measure(), mb = b.measure();
        return new EqualitySearch.Member(
                label, a.shape(), Sym.sub(a.sym(), b.sym()), nr -> ma.applyAsDouble(nr) - mb.applyAsDouble(nr));
    }

    /** Every group's members measure equal (within 0.01) in the new drawing. */
    static Predicate<Renderer.Result> allEqual(List<EqualitySearch.Group> groups) {
        return nr -> {
            for (EqualitySearch.Group g : groups) {
                double first = Double.NaN;
                for (EqualitySearch.Member mb : g.members()) {
                    double v;
                    try {
                        v = mb.measure().applyAsDouble(nr);
                    } catch (DuetException e) {
                        return false;
                    }
                    if (Double.isNaN(first)) first = v;
                    else if (!Ctx.close(first, v)) return false;
                }
                if (g.members().size() == 1 && g.newVarValue() != null && !Ctx.close(first, g.newVarValue()))
                    return false;
            }
            return true;
        };
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static List<String> labels(List<EqualitySearch.Member> ms) {
        List<String> out = new ArrayList<>();
        for (EqualitySearch.Member m : ms) out.add(m.label());
        return out;
    }
}
