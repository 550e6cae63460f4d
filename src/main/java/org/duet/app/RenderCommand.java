package org.duet.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duet.eval.Limits;
import org.duet.lang.DuetException;
import org.duet.svg.PngExport;
import org.duet.svg.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "render",
        description = "Print the SVG drawn by a little program, or write it as a PNG image.",
        mixinStandardHelpOptions = true)
final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(names = "--ghosts", description = "include ghost shapes (hidden helpers such as slider widgets)")
    boolean ghosts;

    @Option(
            names = "--clean",
            description = "print a clean standalone SVG file (no ghosts, no editor attributes, "
                    + "a viewBox fitted to the drawing when the program gives none)")
    boolean clean;

    @Option(
            names = "--png",
            paramLabel = "OUT.png",
            description = "write the clean drawing as a PNG image to this "
                    + "file instead of printing SVG (transparent background)")
    Path png;

    @Option(
            names = "--scale",
            paramLabel = "S",
            description = "with --png: pixels per unit of the drawing's natural "
                    + "size (default: 1; 2 for a double-size image)")
    Double scale;

    @Option(
            names = "--width",
            paramLabel = "W",
            description = "with --png: the image's width in pixels, 1 to " + PngExport.MAX_SIDE
                    + " (the height follows the drawing's proportions)")
    Long width;

    @Option(names = "--white", description = "with --png: a white background instead of a transparent one")
    boolean white;

    @Option(names = "--max-steps", paramLabel = "N", description = "evaluation step budget (default: ${DEFAULT-VALUE})")
    long maxSteps = Limits.DEFAULT.maxSteps;

    @Option(names = "--max-shapes", paramLabel = "N", description = "largest drawing (default: ${DEFAULT-VALUE})")
    int maxShapes = Limits.DEFAULT.maxShapes;

    @Option(names = "--slide", paramLabel = "N", description = "slide to show for slide-show programs (default: 1)")
    double slide = 1;

    @Option(names = "--time", paramLabel = "T", description = "time to show for animated slides (default: 0)")
    double time = 0;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the PNG options are checked before the program runs
        String wrong = checkPngOptions();
        if (wrong != null) {
            err.println("duet render: " + wrong);
            return 1;
        }
        try {
            String text = Cli.read(file, err);
            Limits limits = Limits.DEFAULT.withMaxSteps(maxSteps).withMaxShapes(maxShapes);
            Renderer.Result r = Renderer.render(file.toString(), text, limits, new Renderer.Frame(slide, 1, time));
            for (String d : r.debugLog) err.println("debug: " + d);
            if (png != null) return writePng(r, err);
            // the v0.5.2 text exactly as Sketch-n-Sketch printed it (no final newline)
            out.print(clean ? r.canvas.toExportSvg() : r.canvas.toSvg(ghosts));
            out.flush();
            return 0;
        } catch (Cli.Failed f) {
            return 1;
        } catch (DuetException e) {
            Cli.report(file, e, err);
            return 1;
        }
    }

    /** What is wrong with the PNG options, or null. */
    private String checkPngOptions() {
        if (png == null) {
            if (scale != null || width != null || white) return "--scale, --width and --white apply only with --png";
            return null;
        }
        if (scale != null && width != null) return "give either --scale or --width, not both";
        try {
            if (scale != null) PngExport.checkScale(scale);
            if (width != null) PngExport.checkWidth(width);
        } catch (DuetException e) {
            return (scale != null ? "--scale: " : "--width: ") + e.bareMessage();
        }
        return null;
    }

    private int writePng(Renderer.Result r, PrintWriter err) {
        PngExport.Background bg = white ? PngExport.Background.WHITE : PngExport.Background.TRANSPARENT;
        byte[] bytes = width != null
                ? PngExport.pngWidth(r.canvas, (int) (long) width, bg)
                : PngExport.png(r.canvas, scale != null ? scale : 1, bg);
        try {
            Files.write(png, bytes);
            return 0;
        } catch (NoSuchFileException e) {
            err.println(png + ": cannot write: no such folder");
        } catch (IOException e) {
            err.println(png + ": cannot write: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        return 1;
    }
}
