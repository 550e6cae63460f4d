package org.duet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duet.lang.DuetException;
import org.duet.sync.DragResult;
import org.duet.sync.Heuristics;
import org.duet.sync.Sync;
import org.duet.sync.SyncTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "drag",
        mixinStandardHelpOptions = true,
        description = "Drag a zone of a shape (or a slider) and print the changed program.")
final class DragCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(
            names = "--shape",
            paramLabel = "N",
            description =
                    "the shape's number: its 0-based index in document "
                            + "order among all elements below the root, ghosts included (as in render --ghosts); omit for a slider")
    Integer shape;

    @Option(
            names = "--zone",
            paramLabel = "Z",
            required = true,
            description = "the zone (Interior, TopLeft, Point2, Edge1, FillBall, … or IntSlider1 / NumSlider1 "
                    + "without --shape); see the zones command")
    String zone;

    @Option(names = "--dx", paramLabel = "DX", description = "horizontal displacement (default: 0)")
    double dx;

    @Option(names = "--dy", paramLabel = "DY", description = "vertical displacement, down is positive (default: 0)")
    double dy;

    @Option(names = "--heuristics", paramLabel = "H", description = "biased (default), fair or none")
    String heuristics = "biased";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Heuristics h = Cli.heuristics(heuristics, "drag", err);
            Cli.finite(dx, dy, "drag", err);
            SyncTable t = Cli.table(file, h, err);
            DragResult r = Sync.drag(t, shape == null ? Sync.WIDGETS : shape, zone, dx, dy);
            if (!r.solvedAny() && !r.elements.isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (DragResult.Element e : r.unsolved())
                    sb.append("; ").append(e.attribute).append(": ").append(e.reason);
                err.println(file + ": the drag cannot be solved" + sb);
                return 1;
            }
            for (DragResult.Element e : r.unsolved())
                err.println(file + ": warning: " + e.attribute + " does not follow the drag: " + e.reason);
            out.print(r.newText);
            out.flush();
            return 0;
        } catch (Cli.Failed f) {
            return 1;
        } catch (DuetException e) {
            Cli.report(file, e, err);
            return 1;
        }
    }
}
