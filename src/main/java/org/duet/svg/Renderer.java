package org.duet.svg;

import java.util.List;
import org.duet.eval.Interpreter;
import org.duet.eval.Limits;
import org.duet.eval.Runner;
import org.duet.eval.Value;
import org.duet.lang.Program;

/** Program text in, drawing out: parse, evaluate, show slide-shows at a given slide, convert to the model. */
public final class Renderer {
    private Renderer() {}

    /** Which frame of a slide-show / movie program to show (ordinary programs ignore it). */
    public static final class Frame {
        public static final Frame FIRST = new Frame(1, 1, 0);
        public final double slide, movie, time;

        public Frame(double slide, double movie, double time) {
            this.slide = slide;
            this.movie = movie;
            this.time = time;
        }
    }

    public static final class Result {
        public final Program program;
        public final Canvas canvas;
        public final List<String> debugLog;
        /** Point widgets: pairs of numbers the program annotated {@code (e : Point)}. */
        public final List<org.duet.eval.Value.Num[]> points;

        public final long steps;
        /** Number of slides (0 for an ordinary program), movies of the shown slide, and the frame's duration. */
        public final double slideCount, movieCount, duration;

        Result(
                Program program,
                Canvas canvas,
                List<String> debugLog,
                List<org.duet.eval.Value.Num[]> points,
                long steps,
                double slideCount,
                double movieCount,
                double duration) {
            this.points = points;
            this.program = program;
            this.canvas = canvas;
            this.debugLog = debugLog;
            this.steps = steps;
            this.slideCount = slideCount;
            this.movieCount = movieCount;
            this.duration = duration;
        }
    }

    public static Result render(String name, String text) {
        return render(name, text, Limits.DEFAULT, Frame.FIRST);
    }

    public static Result render(String name, String text, Limits limits, Frame frame) {
        return Runner.call(() -> render(Interpreter.parse(name, text), limits, frame));
    }

    public static Result render(Program program, Limits limits, Frame frame) {
        return Runner.call(() -> {
            Interpreter.Result r = Interpreter.run(program, limits);
            Value v = r.value;
            double slides = 0, movies = 0, duration = 0;
            if (isCountAndFunction(v)) {
                Value.ListV show = (Value.ListV) v;
                slides = ((Value.Num) show.head).v;
                Value movie = Interpreter.apply(show.tail.head, limits, Value.Num.injected(frame.slide));
                if (isCountAndFunction(movie)) {
                    movies = ((Value.Num) ((Value.ListV) movie).head).v;
                    v = Interpreter.apply(((Value.ListV) movie).tail.head, limits, Value.Num.injected(frame.movie));
                } else {
                    v = movie;
                }
                if (v instanceof Value.ListV
                        && ((Value.ListV) v).size >= 2
                        && ((Value.ListV) v).head instanceof Value.Str) {
                    Value.ListV spec = (Value.ListV) v;
                    String tag = ((Value.Str) spec.head).v;
                    if (tag.equals("Static") && spec.size == 2) {
                        v = Interpreter.apply(
                                spec.get(1), limits, Value.Num.injected(frame.slide), Value.Num.injected(frame.movie));
                    } else if (tag.equals("Dynamic") && spec.size == 4) {
                        if (spec.get(1) instanceof Value.Num) duration = ((Value.Num) spec.get(1)).v;
                        v = Interpreter.apply(
                                spec.get(2),
                                limits,
                                Value.Num.injected(frame.slide),
                                Value.Num.injected(frame.movie),
                                Value.Num.injected(frame.time));
                    }
                }
            }
            SvgNode root = new Converter(program, limits).convertRoot(v);
            return new Result(program, new Canvas(root), r.debugLog, r.points, r.steps, slides, movies, duration);
        });
    }

    private static boolean isCountAndFunction(Value v) {
        return v instanceof Value.ListV
                && ((Value.ListV) v).size == 2
                && ((Value.ListV) v).head instanceof Value.Num
                && ((Value.ListV) v).tail.head instanceof Value.Closure;
    }

    /** Convenience: the v0.5.2-format SVG of a program, or a DuetException. */
    public static String svg(String name, String text, boolean ghosts) {
        return render(name, text).canvas.toSvg(ghosts);
    }
}
