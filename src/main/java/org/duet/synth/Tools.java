package org.duet.synth;

import static org.duet.synth.Relate.boxMember;
import static org.duet.synth.Relate.difference;
import static org.duet.synth.Relate.member;
import static org.duet.synth.Relate.round2;
import static org.duet.synth.Relate.shapeLabel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duet.lang.Loc;

/** The equality tools (built on {@link EqualitySearch}) and Dig Hole. */
final class Tools {
    private Tools() {}

    private static List<FeatureInfo> features(Ctx ctx, List<FeatureCatalog.Ref> refs, String tool, int min) {
        List<FeatureInfo> fs = new ArrayList<>();
        for (FeatureCatalog.Ref ref : refs) {
            if (ref.feature() == null)
                throw new RelateException(tool + " takes features (N.FEATURE), not whole shapes like '" + ref + "'");
            fs.add(FeatureCatalog.resolve(ctx.r, ref));
        }
        if (fs.size() < min) throw new RelateException(tool + " needs at least " + min + " features");
        return fs;
    }

    private static List<Integer> shapes(Ctx ctx, List<FeatureCatalog.Ref> refs, String tool, int min) {
        List<Integer> out = new ArrayList<>();
        for (FeatureCatalog.Ref ref : refs) {
            if (ref.feature() != null)
                throw new RelateException(
                        tool + " takes whole shapes (their numbers), not features like '" + ref + "'");
            FeatureCatalog.element(ctx.r, ref.shape());
            if (out.contains(ref.shape()))
                throw new RelateException(tool + ": shape " + ref.shape() + " is given twice");
            out.add(ref.shape());
        }
        if (out.size() < min) throw new RelateException(tool + " needs at least " + min + " shapes");
        return out;
    }

    private static boolean allShapes(List<FeatureCatalog.Ref> refs) {
        for (FeatureCatalog.Ref r : refs) if (r.feature() != null) return false;
        return true;
    }

    /** "make A equal B by removing 214; make C equal B by removing x2" / "make A and B share a new variable x = 49". */
    private static String describeEqual(Ctx ctx, List<EqualitySearch.Group> groups, EqualitySearch.Choice c) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<EqualitySearch.Member> ms = groups.get(g).members();
            int a = c.anchor()[g];
            if (a < 0) {
                List<String> removed = new ArrayList<>();
                for (int d : c.dep()[g]) if (d != 0) removed.add(ctx.label(d));
                parts.add("make " + Ctx.list(Relate.labels(ms)) + " share a new variable ⟨" + (-(g + 1)) + "⟩ = "
                        + Sym.num(groups.get(g).newVarValue(), false) + " by removing " + Ctx.list(removed));
            } else {
                for (int j = 0; j < ms.size(); j++) {
                    int d = c.dep()[g][j];
                    if (j == a || d == 0) continue;
                    parts.add("make " + ms.get(j).label() + " equal "
                            + ms.get(a).label() + " by removing " + ctx.label(d));
                }
            }
        }
        return String.join("; ", parts);
    }

    private static String varBase(FeatureInfo f) {
        switch (f.kind) {
            case X:
                return "x";
            case Y:
                return "y";
            case DISTANCE:
                if (f.name.endsWith("Width")) return "w";
                if (f.name.endsWith("Height")) return "h";
                return "r";
            default:
                return f.name;
        }
    }

    // ------------------------------------------------------------------------------------------------ make equal

    static RelateResult makeEqual(Ctx ctx, List<FeatureCatalog.Ref> refs, int top) {
        List<FeatureInfo> fs = features(ctx, refs, "make-equal", 2);
        List<EqualitySearch.Group> groups = new ArrayList<>();
        // only complete points: Xs together, Ys together (interaction.md §8.4)
        Map<String, FeatureInfo[]> points = new LinkedHashMap<>();
        boolean pointsOnly = true;
        for (FeatureInfo f : fs) {
            if (f.point == null || (f.kind != FeatureInfo.Kind.X && f.kind != FeatureInfo.Kind.Y)) {
                pointsOnly = false;
                break;
            }
            FeatureInfo[] xy = points.computeIfAbsent(f.shape + "/" + f.point, k -> new FeatureInfo[2]);
            xy[f.kind == FeatureInfo.Kind.X ? 0 : 1] = f;
        }
        if (pointsOnly) for (FeatureInfo[] xy : points.values()) if (xy[0] == null || xy[1] == null) pointsOnly = false;
        if (pointsOnly && points.size() >= 2) {
            for (int axis = 0; axis < 2; axis++) {
                List<EqualitySearch.Member> ms = new ArrayList<>();
                for (FeatureInfo[] xy : points.values()) ms.add(member(ctx, xy[axis]));
                FeatureInfo first = points.values().iterator().next()[axis];
                groups.add(new EqualitySearch.Group(ms, varBase(first), first.value, true));
            }
        } else {
            List<EqualitySearch.Member> ms = new ArrayList<>();
            for (FeatureInfo f : fs) ms.add(member(ctx, f));
            groups.add(new EqualitySearch.Group(ms, varBase(fs.get(0)), fs.get(0).value, true));
        }
        List<Plan> plans = EqualitySearch.search(ctx, groups, c -> describeEqual(ctx, groups, c));
        return ctx.finish(plans, top, Relate.allEqual(groups), noSolution(ctx, groups, "equal"));
    }

    private static String noSolution(Ctx ctx, List<EqualitySearch.Group> groups, String what) {
        boolean identical = true;
        for (EqualitySearch.Group g : groups)
            for (EqualitySearch.Member m : g.members())
                if (!Sym.sub(m.sym(), g.members().get(0).sym()).isZero()) identical = false;
        if (identical && groups.get(0).members().size() > 1)
            return "nothing to do: the features are already computed the same way, so they are always " + what;
        return "no solution: no literal of these features can be rewritten to make them " + what
                + " (their literals are frozen, come from the prelude or enter them non-linearly)";
    }

    // ------------------------------------------------------------------------------------------------ align

    static RelateResult align(Ctx ctx, List<FeatureCatalog.Ref> refs, String side, int top) {
        String key;
        boolean min;
        switch (side) {
            case "left":
                key = "left";
                min = true;
                break;
            case "right":
                key = "right";
                min = false;
                break;
            case "center":
                key = "centerX";
                min = true;
                break;
            case "top":
                key = "top";
                min = true;
                break;
            case "bottom":
                key = "bottom";
                min = false;
                break;
            default:
                key = "centerY";
                min = true;
                break;
        }
        List<EqualitySearch.Member> ms = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (allShapes(refs)) {
            for (int s : shapes(ctx, refs, "align-" + side, 2)) {
                ms.add(boxMember(ctx, s, key));
                names.add(shapeLabel(ctx, s));
            }
        } else {
            for (FeatureInfo f : features(ctx, refs, "align-" + side, 2)) {
                ms.add(member(ctx, f));
                names.add(f.ref());
            }
        }
        double value = ms.get(0).sym().eval(ctx.values(Map.of()));
        if (!key.startsWith("center"))
            for (EqualitySearch.Member m : ms) {
                double v = m.sym().eval(ctx.values(Map.of()));
                value = min ? Math.min(value, v) : Math.max(value, v);
            }
        double target = round2(value);
        List<EqualitySearch.Group> groups = List.of(new EqualitySearch.Group(ms, side, target, true));
        List<Plan> plans = EqualitySearch.search(ctx, groups, c -> {
            List<String> removed = new ArrayList<>();
            for (int d : c.dep()[0]) if (d != 0) removed.add(ctx.label(d));
            String to =
                    c.anchor()[0] < 0 ? "a new variable ⟨-1⟩ = " + Sym.num(target, false) : names.get(c.anchor()[0]);
            return "align " + side + ": " + String.join(", ", names) + " to " + to + " by removing "
                    + Ctx.list(removed);
        });
        return ctx.finish(plans, top, Relate.allEqual(groups), noSolution(ctx, groups, "aligned"));
    }

    // ------------------------------------------------------------------------------------------------ distribute

    static RelateResult distribute(Ctx ctx, List<FeatureCatalog.Ref> refs, boolean horizontal, int top) {
        String tool = horizontal ? "distribute-h" : "distribute-v";
        List<Integer> shapes = shapes(ctx, refs, tool, 3);
        String lo = horizontal ? "left" : "top", hi = horizontal ? "right" : "bottom";
        List<Integer> sorted = new ArrayList<>(shapes);
        sorted.sort(Comparator.comparingDouble(s -> FeatureCatalog.box(ctx.r, s).get(lo).value));
        List<EqualitySearch.Member> gaps = new ArrayList<>();
        double total = 0;
        for (int i = 0; i + 1 < sorted.size(); i++) {
            int a = sorted.get(i), b = sorted.get(i + 1);
            EqualitySearch.Member later = boxMember(ctx, b, lo);
            EqualitySearch.Member g = difference(
                            "the gap " + shapeLabel(ctx, a) + "–" + shapeLabel(ctx, b), later, boxMember(ctx, a, hi))
                    .from(later.sym());
            gaps.add(g);
            total += g.sym().eval(ctx.values(Map.of()));
        }
        double gap = round2(total / gaps.size());
        List<EqualitySearch.Group> groups = List.of(new EqualitySearch.Group(gaps, "gap", gap, true));
        List<String> names = new ArrayList<>();
        for (int s : sorted) names.add(shapeLabel(ctx, s));
        List<Plan> plans = EqualitySearch.search(ctx, groups, c -> {
            List<String> removed = new ArrayList<>();
            for (int d : c.dep()[0]) if (d != 0) removed.add(ctx.label(d));
            String how = c.anchor()[0] < 0
                    ? "with a new variable ⟨-1⟩ = " + Sym.num(gap, false) + " as every gap"
                    : "with every gap equal to " + gaps.get(c.anchor()[0]).label();
            return "distribute " + (horizontal ? "horizontally" : "vertically") + ": " + String.join(", ", names) + " "
                    + how + " by removing " + Ctx.list(removed);
        });
        return ctx.finish(plans, top, Relate.allEqual(groups), noSolution(ctx, groups, "evenly spaced"));
    }

    // ------------------------------------------------------------------------------------------------ equal sizes

    static RelateResult equalSize(Ctx ctx, List<FeatureCatalog.Ref> refs, String tool, int top) {
        List<String> keys = tool.equals("equal-size")
                ? List.of("width", "height")
                : List.of(tool.equals("equal-width") ? "width" : "height");
        List<EqualitySearch.Group> groups = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (allShapes(refs)) {
            List<Integer> shapes = shapes(ctx, refs, tool, 2);
            for (int s : shapes) names.add(shapeLabel(ctx, s));
            for (String k : keys) {
                List<EqualitySearch.Member> ms = new ArrayList<>();
                for (int s : shapes) ms.add(boxMember(ctx, s, k));
                groups.add(
                        new EqualitySearch.Group(ms, k, round2(ms.get(0).sym().eval(ctx.values(Map.of()))), true));
            }
        } else {
            if (keys.size() == 2) throw new RelateException("equal-size takes whole shapes (their numbers)");
            List<EqualitySearch.Member> ms = new ArrayList<>();
            for (FeatureInfo f : features(ctx, refs, tool, 2)) {
                if (f.kind != FeatureInfo.Kind.DISTANCE)
                    throw new RelateException(
                            tool + " takes shapes or distance features (rectWidth, circleR, …), not " + f.ref());
                ms.add(member(ctx, f));
                names.add(f.ref());
            }
            groups.add(new EqualitySearch.Group(
                    ms, keys.get(0), round2(ms.get(0).sym().eval(ctx.values(Map.of()))), true));
        }
        List<Plan> plans = EqualitySearch.search(ctx, groups, c -> {
            List<String> parts = new ArrayList<>();
            for (int g = 0; g < groups.size(); g++) {
                List<String> removed = new ArrayList<>();
                for (int d : c.dep()[g]) if (d != 0) removed.add(ctx.label(d));
                if (removed.isEmpty()) continue;
                String to = c.anchor()[g] < 0
                        ? "a new variable ⟨" + (-(g + 1)) + "⟩ = "
                                + Sym.num(groups.get(g).newVarValue(), false)
                        : "the " + keys.get(g) + " of " + names.get(c.anchor()[g]);
                parts.add(keys.get(g) + " to " + to + " by removing " + Ctx.list(removed));
            }
            return "equal " + String.join(" and ", keys) + ": " + String.join(", ", names) + ": "
                    + String.join("; ", parts);
        });
        return ctx.finish(plans, top, Relate.allEqual(groups), noSolution(ctx, groups, "equal"));
    }

    // ------------------------------------------------------------------------------------------------ keep spacing

    /**
     * Two shapes or features: their spacing becomes a new variable (the second follows the first). Four: the spacing
     * of the second pair becomes equal to that of the first (or both share a new variable). Shapes are spaced along
     * the axis on which the first pair's centres are further apart, edge to edge (left of the later one minus right
     * of the earlier one); features by their difference (second minus first).
     */
    static RelateResult keepSpacing(Ctx ctx, List<FeatureCatalog.Ref> refs, int top) {
        if (refs.size() != 2 && refs.size() != 4)
            throw new RelateException(
                    "keep-spacing takes two shapes or features (keep their spacing) or four (make the "
                            + "spacing of the last two equal that of the first two)");
        List<EqualitySearch.Member> spacings = new ArrayList<>();
        if (allShapes(refs)) {
            List<Integer> s = shapes(ctx, refs, "keep-spacing", 2);
            Map<String, FeatureInfo> a = FeatureCatalog.box(ctx.r, s.get(0)), b = FeatureCatalog.box(ctx.r, s.get(1));
            boolean horizontal = Math.abs(a.get("centerX").value - b.get("centerX").value)
                    >= Math.abs(a.get("centerY").value - b.get("centerY").value);
            String lo = horizontal ? "left" : "top",
                    hi = horizontal ? "right" : "bottom",
                    c = horizontal ? "centerX" : "centerY";
            for (int i = 0; i < s.size(); i += 2) {
                int p = s.get(i), q = s.get(i + 1);
                if (FeatureCatalog.box(ctx.r, p).get(c).value
                        > FeatureCatalog.box(ctx.r, q).get(c).value) {
                    int t = p;
                    p = q;
                    q = t;
                }
                EqualitySearch.Member later = boxMember(ctx, q, lo);
                spacings.add(difference(
                                "the spacing " + shapeLabel(ctx, p) + "–" + shapeLabel(ctx, q),
                                later,
                                boxMember(ctx, p, hi))
                        .from(later.sym()));
            }
        } else {
            List<FeatureInfo> fs = features(ctx, refs, "keep-spacing", 2);
            for (int i = 0; i < fs.size(); i += 2) {
                EqualitySearch.Member later = member(ctx, fs.get(i + 1));
                spacings.add(difference(
                                "the spacing " + fs.get(i).ref() + "–"
                                        + fs.get(i + 1).ref(),
                                later,
                                member(ctx, fs.get(i)))
                        .from(later.sym()));
            }
        }
        double v = round2(spacings.get(0).sym().eval(ctx.values(Map.of())));
        boolean one = spacings.size() == 1;
        List<EqualitySearch.Group> groups = List.of(new EqualitySearch.Group(spacings, "spacing", v, !one));
        List<Plan> plans = EqualitySearch.search(ctx, groups, c -> {
            List<String> removed = new ArrayList<>();
            for (int d : c.dep()[0]) if (d != 0) removed.add(ctx.label(d));
            if (one)
                return "keep " + spacings.get(0).label() + " at a new variable ⟨-1⟩ = " + Sym.num(v, false)
                        + " by removing " + Ctx.list(removed);
            if (c.anchor()[0] < 0)
                return "make " + spacings.get(0).label() + " and "
                        + spacings.get(1).label() + " a new variable ⟨-1⟩ = " + Sym.num(v, false) + " by removing "
                        + Ctx.list(removed);
            int a = c.anchor()[0];
            return "make " + spacings.get(1 - a).label() + " equal "
                    + spacings.get(a).label() + " by removing " + Ctx.list(removed);
        });
        return ctx.finish(plans, top, Relate.allEqual(groups), noSolution(ctx, groups, "spaced alike"));
    }

    // ------------------------------------------------------------------------------------------------ dig hole

    /**
     * Dig Hole: the literals the features depend on (the '?' ones if any) get names, so the features can be edited
     * as variables: every unnamed candidate literal becomes a new top-level definition with a readable name. The first
     * candidate names them all, the others one each. Named literals are already variables and stay as they are.
     */
    static RelateResult digHole(Ctx ctx, List<FeatureCatalog.Ref> refs, int top) {
        List<FeatureInfo> fs = features(ctx, refs, "dig-hole", 1);
        Set<Integer> locs = new LinkedHashSet<>(), thawed = new LinkedHashSet<>();
        for (FeatureInfo f : fs)
            for (int v : ctx.sym(f).vars)
                if (v > 0 && ctx.cand[v]) {
                    locs.add(v);
                    if (ctx.p.loc(v).annotation == Loc.Annotation.THAWED) thawed.add(v);
                }
        if (!thawed.isEmpty()) locs = thawed;
        List<Integer> unnamed = new ArrayList<>(), named = new ArrayList<>();
        for (int id : locs) (ctx.p.loc(id).name().isEmpty() ? unnamed : named).add(id);
        String none;
        if (locs.isEmpty())
            none = "no solution: these features have no literal that may change (frozen or from the prelude)";
        else if (unnamed.isEmpty()) {
            List<String> ns = new ArrayList<>();
            for (int id : named) ns.add(ctx.label(id));
            none = "nothing to do: every literal of these features already has a name (" + Ctx.list(ns) + ")";
        } else none = "no solution";
        List<Plan> plans = new ArrayList<>();
        if (unnamed.size() > 1) plans.add(dig(ctx, unnamed));
        for (int id : unnamed) plans.add(dig(ctx, List.of(id)));
        ctx.keepOrder = true; // all the holes first, then one at a time
        double[] before = new double[fs.size()];
        for (int i = 0; i < fs.size(); i++) before[i] = fs.get(i).value;
        return ctx.finish(
                plans,
                top,
                nr -> {
                    for (int i = 0; i < fs.size(); i++)
                        if (!Ctx.close(
                                FeatureCatalog.resolve(nr, new FeatureCatalog.Ref(fs.get(i).shape, fs.get(i).name))
                                        .value,
                                before[i])) return false;
                    return true;
                },
                none);
    }

    private static Plan dig(Ctx ctx, List<Integer> ids) {
        Plan p = new Plan();
        List<String> parts = new ArrayList<>();
        for (int id : ids) {
            p.lifts.add(id);
            parts.add(ctx.label(id) + " as ⟨" + id + "⟩");
        }
        p.description = "dig a hole: name " + Ctx.list(parts);
        return p;
    }
}
