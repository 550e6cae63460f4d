package org.duet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.duet.sync.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "why",
        mixinStandardHelpOptions = true,
        description =
                "\"Why is it here?\": show how a number of a shape was computed, down to the program's constants.")
final class WhyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(
            names = "--shape",
            paramLabel = "N",
            required = true,
            description = "the shape's number (as for drag: 0-based, document order, ghosts included)")
    int shape;

    @Option(
            names = "--attr",
            paramLabel = "A",
            description = "the number: x, width, r, fill, fill.opacity, "
                    + "points[2].y, d[1].x, transform.rotate …; omit to list the shape's numbers")
    String attr;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text = Cli.read(file, err);
            Renderer.Result r = Renderer.render(file.toString(), text);
            if (attr == null) {
                var values = Provenance.values(r, shape);
                if (json) {
                    Json j = new Json()
                            .beginObject()
                            .key("shape")
                            .value(shape)
                            .key("numbers")
                            .beginObject();
                    for (var e : values.entrySet()) j.key(e.getKey()).value(e.getValue());
                    out.println(j.endObject().endObject());
                } else {
                    for (var e : values.entrySet())
                        out.println(e.getKey() + " = " + org.duet.lang.JsNumber.toString(e.getValue()));
                }
            } else {
                Provenance.Step s = org.duet.eval.Runner.call(() -> Provenance.of(r, shape, attr, 400));
                if (json) {
                    Json j = new Json();
                    write(j, s);
                    out.println(j);
                } else {
                    out.print(s.render());
                }
            }
            out.flush();
            return 0;
        } catch (Cli.Failed f) {
            return 1;
        } catch (DuetException e) {
            Cli.report(file, e, err);
            return 1;
        }
    }

    static void write(Json j, Provenance.Step s) {
        j.beginObject()
                .key("label")
                .value(s.label())
                .key("detail")
                .value(s.detail())
                .key("value")
                .value(s.value());
        j.key("constant").value(s.constant()).key("frozen").value(s.frozen());
        if (s.start() >= 0) j.key("line").value(s.line()).key("col").value(s.col());
        j.key("children").beginArray();
        for (Provenance.Step c : s.children()) write(j, c);
        j.endArray().endObject();
    }
}
