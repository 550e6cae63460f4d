package org.duet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.duet.edit.Draw;
import org.duet.edit.DrawException;
import org.duet.edit.Gesture;
import org.duet.edit.LambdaFunction;
import org.duet.edit.Tool;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "draw",
        mixinStandardHelpOptions = true,
        description = "Draw a shape with a drawing tool and print the program with the shape's code added.")
final class DrawCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "the program (.little); an empty file is a blank drawing")
    Path file;

    @Option(
            names = "--tool",
            paramLabel = "T",
            required = true,
            description =
                    "line, rect, ellipse, text, polygon, " + "path, rect-bb, ellipse-bb, polygon-bb, path-bb or lambda")
    String tool;

    @Option(names = "--from", paramLabel = "X,Y", description = "where the drag starts (drag tools)")
    String from;

    @Option(names = "--to", paramLabel = "X,Y", description = "where the drag ends (drag tools)")
    String to;

    @Option(
            names = "--points",
            paramLabel = "\"X,Y X,Y …\"",
            description = "the clicked points (polygon and path "
                    + "tools); a path point may be prefixed Q: (quadratic control point) or C: (cubic control point)")
    String points;

    @Option(names = "--closed", description = "the path ends on its first point")
    boolean closed;

    @Option(names = "--shift", description = "Shift held: squares, circles, 45° lines, a square box for lambda")
    boolean shift;

    @Option(
            names = "--color",
            paramLabel = "C",
            description = "the colour number (0-499); default: chosen from the " + "shape's number")
    Integer color;

    @Option(names = "--function", paramLabel = "NAME", description = "the lambda tool's function (default: star)")
    String function;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Tool t;
        Gesture g;
        try {
            t = Tool.parse(tool);
            if (t.byClicks()) {
                if (points == null) throw new DrawException("the " + t.word + " tool needs --points \"X,Y X,Y …\"");
                if (from != null || to != null)
                    throw new DrawException(
                            "--from and --to are for drag tools; the " + t.word + " tool takes --points");
                g = Gesture.clicks(clicks(points, t == Tool.PATH || t == Tool.PATH_BB));
            } else {
                if (points != null)
                    throw new DrawException("--points is for the polygon and path tools; the " + t.word
                            + " tool takes --from X,Y --to X,Y");
                if (from == null || to == null)
                    throw new DrawException("the " + t.word + " tool needs --from X,Y and --to X,Y");
                Gesture.Click a = point(from, "--from"), b = point(to, "--to");
                g = Gesture.drag(a.x(), a.y(), b.x(), b.y());
            }
            if (closed && t != Tool.PATH && t != Tool.PATH_BB)
                throw new DrawException("--closed is for the path tools (a polygon is always closed)");
            if (function != null && t != Tool.LAMBDA) throw new DrawException("--function is for the lambda tool");
            g = g.withShift(shift).withClosed(closed).withColor(color);
        } catch (DrawException e) {
            err.println("duet draw: " + e.bareMessage());
            return 1;
        }
        try {
            String text = Cli.read(file, err);
            if (t == Tool.LAMBDA) {
                LambdaFunction f = function == null ? LambdaFunction.STAR : Draw.lambdaFunction(text, function);
                g = g.withFunction(f);
            }
            Draw.Result r = Draw.draw(text, t, g);
            try {
                Renderer.render(file.toString(), r.text());
            } catch (DuetException e) {
                err.println(file + ": the program with the new shape does not run: " + e.getMessage());
                return 1;
            }
            out.print(r.text());
            out.flush();
            return 0;
        } catch (Cli.Failed f) {
            return 1;
        } catch (DrawException e) {
            err.println(file + ": " + e.bareMessage());
            return 1;
        } catch (DuetException e) {
            Cli.report(file, e, err);
            return 1;
        }
    }

    static Gesture.Click point(String s, String option) {
        return parsePoint(s.trim(), option, false);
    }

    private static Gesture.Click parsePoint(String s, String what, boolean kinds) {
        Gesture.ClickKind kind = Gesture.ClickKind.PLAIN;
        String p = s;
        if (kinds && p.length() > 2 && p.charAt(1) == ':') {
            char k = Character.toUpperCase(p.charAt(0));
            if (k == 'Q') kind = Gesture.ClickKind.Q;
            else if (k == 'C') kind = Gesture.ClickKind.C;
            else throw new DrawException("bad point '" + s + "' in " + what + ": the prefix may be Q: or C:");
            p = p.substring(2);
        }
        String[] xy = p.split(",", -1);
        if (xy.length != 2) throw new DrawException("bad point '" + s + "' in " + what + ": expected X,Y");
        try {
            double x = Double.parseDouble(xy[0].trim()), y = Double.parseDouble(xy[1].trim());
            if (!Double.isFinite(x) || !Double.isFinite(y)) throw new NumberFormatException();
            return new Gesture.Click(x, y, kind);
        } catch (NumberFormatException e) {
            throw new DrawException("bad point '" + s + "' in " + what + ": X and Y must be numbers");
        }
    }

    static List<Gesture.Click> clicks(String s, boolean kinds) {
        List<Gesture.Click> out = new ArrayList<>();
        for (String part : s.trim().split("\\s+")) {
            if (part.isEmpty()) continue;
            if (!kinds && part.length() > 2 && part.charAt(1) == ':')
                throw new DrawException("bad point '" + part + "' in --points: Q: and C: are for the path tools");
            out.add(parsePoint(part, "--points", kinds));
        }
        return out;
    }
}
