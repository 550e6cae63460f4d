package org.duet.app;

import org.duet.eval.Limits;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "render", description = "Print the SVG drawn by a little program.", mixinStandardHelpOptions = true)
final class RenderCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(names = "--ghosts", description = "include ghost shapes (hidden helpers such as slider widgets)")
    boolean ghosts;

    @Option(names = "--clean", description = "print a clean standalone SVG file (no ghosts, no editor attributes)")
    boolean clean;

    @Option(names = "--max-steps", paramLabel = "N", description = "evaluation step budget (default: ${DEFAULT-VALUE})")
    long maxSteps = Limits.DEFAULT.maxSteps;

    @Option(names = "--max-shapes", paramLabel = "N", description = "largest drawing (default: ${DEFAULT-VALUE})")
    int maxShapes = Limits.DEFAULT.maxShapes;

    @Option(names = "--slide", paramLabel = "N", description = "slide to show for slide-show programs (default: 1)")
    double slide = 1;

    @Option(names = "--time", paramLabel = "T", description = "time to show for animated slides (default: 0)")
    double time = 0;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text = Cli.read(file, err);
            Limits limits = Limits.DEFAULT.withMaxSteps(maxSteps).withMaxShapes(maxShapes);
            Renderer.Result r = Renderer.render(file.toString(), text, limits, new Renderer.Frame(slide, 1, time));
            for (String d : r.debugLog) err.println("debug: " + d);
            // the v0.5.2 text exactly as Sketch-n-Sketch printed it (no final newline)
            out.print(clean ? r.canvas.toExportSvg(null) : r.canvas.toSvg(ghosts));
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
