package org.duet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duet.lang.DuetException;
import org.duet.sync.Alternatives;
import org.duet.sync.Heuristics;
import org.duet.sync.Sync;
import org.duet.sync.SyncTable;
import org.duet.sync.Zone;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "alternatives",
        mixinStandardHelpOptions = true,
        description = "List ranked alternative edits (which constants to change) that realise dragging a zone.")
final class AlternativesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(
            names = "--shape",
            paramLabel = "N",
            description = "the shape's number (0-based, document order, ghosts "
                    + "included, as in render --ghosts); omit for a slider")
    Integer shape;

    @Option(names = "--zone", paramLabel = "Z", required = true, description = "the zone (Interior, TopLeft, …)")
    String zone;

    @Option(names = "--dx", paramLabel = "DX", description = "horizontal displacement (default: 0)")
    double dx;

    @Option(names = "--dy", paramLabel = "DY", description = "vertical displacement, down is positive (default: 0)")
    double dy;

    @Option(names = "--heuristics", paramLabel = "H", description = "biased (default), fair or none")
    String heuristics = "biased";

    @Option(names = "--top", paramLabel = "K", description = "at most K alternatives (default: 5)")
    int top = 5;

    @Option(
            names = "--json",
            description = "print JSON: {\"alternatives\":[{\"rank\":1,\"description\":…,"
                    + "\"changes\":[…],\"otherShapesMoved\":N,\"program\":…}],\"truncated\":false}")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1) {
            err.println("duet alternatives: --top must be at least 1");
            return 1;
        }
        try {
            Heuristics h = Cli.heuristics(heuristics, "alternatives", err);
            Cli.finite(dx, dy, "alternatives", err);
            SyncTable t = Cli.table(file, h, err);
            Zone z = Sync.find(t, shape == null ? Sync.WIDGETS : shape, zone);
            Alternatives.Result r = Alternatives.alternatives(t, z, dx, dy, top);
            out.print(json ? json(r) : text(r));
            out.flush();
            return 0;
        } catch (Cli.Failed f) {
            return 1;
        } catch (DuetException e) {
            Cli.report(file, e, err);
            return 1;
        }
    }

    static String json(Alternatives.Result r) {
        Json j = new Json().beginObject().key("alternatives").beginArray();
        for (Alternatives.Alternative a : r) {
            j.beginObject()
                    .key("rank")
                    .value(a.rank)
                    .key("description")
                    .value(a.description)
                    .key("changes")
                    .beginArray();
            for (Alternatives.Change c : a.changes)
                j.beginObject()
                        .key("name")
                        .value(c.name)
                        .key("line")
                        .value(c.line)
                        .key("col")
                        .value(c.col)
                        .key("old")
                        .value(c.oldValue)
                        .key("new")
                        .value(c.newValue)
                        .endObject();
            j.endArray()
                    .key("otherShapesMoved")
                    .value(a.otherShapesMoved)
                    .key("program")
                    .value(a.program)
                    .endObject();
        }
        return j.endArray().key("truncated").value(r.truncated).endObject().toString() + "\n";
    }

    /** One line per alternative: {@code 1. change sep 110 → 117 (1 other shape moves)}. */
    static String text(Alternatives.Result r) {
        StringBuilder sb = new StringBuilder();
        if (r.isEmpty()) sb.append("no alternatives\n");
        for (Alternatives.Alternative a : r)
            sb.append(a.rank)
                    .append(". ")
                    .append(a.description)
                    .append(" (")
                    .append(a.otherShapesMoved)
                    .append(a.otherShapesMoved == 1 ? " other shape moves)\n" : " other shapes move)\n");
        if (r.truncated) sb.append("(search cut short by its time limit: there may be more)\n");
        return sb.toString();
    }
}
