package org.duet.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Time parse + evaluate + print of programs, in one JVM after warm-up. "
                + "Prints NAME median_ms p95_ms shapes per program, then a total.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "programs, or folders of .little programs")
    List<Path> inputs;

    @Option(names = "--runs", paramLabel = "N", description = "measured runs per program (default: ${DEFAULT-VALUE})")
    int runs = 50;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            description = "warm-up rounds over all programs (default: ${DEFAULT-VALUE})")
    int warmup = 20;

    @Option(
            names = "--relate",
            paramLabel = "TOOL",
            description = "instead, time a relate request (top 5 candidates) "
                    + "per program: TOOL (e.g. make-equal) on the first X feature of its first two shapes that have one "
                    + "(align-*/distribute-*/equal-*: the first two, or three, shapes with points)")
    String relate;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".little")).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        List<String> names = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            try {
                texts.add(Cli.read(f, err));
                names.add(f.getFileName().toString().replaceAll("\\.little$", ""));
            } catch (Cli.Failed e) {
                return 1;
            }
        }
        if (relate != null) return RelateBench.run(relate, names, texts, runs, warmup, out, err);
        // warm-up: every program, several rounds, so the JIT has seen all of them
        for (int w = 0; w < warmup; w++) for (int i = 0; i < texts.size(); i++) once(names.get(i), texts.get(i));
        List<Double> medians = new ArrayList<>();
        double worstP95 = 0;
        long totalShapes = 0;
        int failed = 0;
        for (int i = 0; i < texts.size(); i++) {
            double[] ms = new double[runs];
            int shapes = -1;
            String error = null;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                Object res = once(names.get(i), texts.get(i));
                ms[r] = (System.nanoTime() - t0) / 1e6;
                if (res instanceof Integer) shapes = (Integer) res;
                else error = (String) res;
            }
            Arrays.sort(ms);
            double median = ms[runs / 2], p95 = ms[Math.min(runs - 1, (int) Math.ceil(runs * 0.95) - 1)];
            if (error != null) {
                failed++;
                out.printf(Locale.ROOT, "%s %.3f %.3f error: %s%n", names.get(i), median, p95, error);
            } else {
                out.printf(Locale.ROOT, "%s %.3f %.3f %d%n", names.get(i), median, p95, shapes);
                totalShapes += shapes;
            }
            medians.add(median);
            worstP95 = Math.max(worstP95, p95);
            out.flush();
        }
        double[] m = medians.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(
                Locale.ROOT,
                "TOTAL %d programs (%d errors): median of medians %.3f ms, worst median %.3f ms, "
                        + "worst p95 %.3f ms, %d shapes%n",
                m.length,
                failed,
                m.length == 0 ? 0 : m[m.length / 2],
                m.length == 0 ? 0 : m[m.length - 1],
                worstP95,
                totalShapes);
        return 0;
    }

    /** One parse + evaluate + print; the number of shapes, or the error message. */
    private static Object once(String name, String text) {
        try {
            Renderer.Result r = Renderer.render(name, text);
            String svg = r.canvas.toSvg(false);
            if (svg.isEmpty()) return 0;
            return r.canvas.elements().size();
        } catch (DuetException e) {
            return e.getMessage().split("\n")[0];
        }
    }
}
