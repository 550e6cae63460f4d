package org.duet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.duet.lang.DuetException;
import org.duet.synth.Candidate;
import org.duet.synth.Relate;
import org.duet.synth.RelateResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "relate",
        mixinStandardHelpOptions = true,
        description =
                "Relate features of a drawing (make equal, align, distribute, …): print ranked candidate programs.")
final class RelateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(
            names = "--tool",
            paramLabel = "T",
            required = true,
            description = "dig-hole, make-equal, relate, "
                    + "indexed-relate, align-left|center|right|top|middle|bottom, distribute-h|v, equal-width|height|size, "
                    + "keep-spacing or inside")
    String tool;

    @Option(
            names = "--features",
            paramLabel = "REFS",
            required = true,
            description = "comma-separated N.FEATURE "
                    + "(e.g. 2.rectTLX; see 'duet features') or N for a whole shape; shapes numbered as for drag")
    String features;

    @Option(names = "--top", paramLabel = "K", description = "at most K candidates (default: 5)")
    int top = 5;

    @Option(names = "--time", paramLabel = "MS", description = "time limit in milliseconds (default: 500)")
    long timeMs = Relate.DEFAULTS.timeLimitMs();

    @Option(
            names = "--json",
            description = "print JSON: {\"candidates\":[{\"rank\":1,\"description\":…,"
                    + "\"program\":…}],\"timedOut\":false,\"message\":\"\"}")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (top < 1) {
            err.println("duet relate: --top must be at least 1");
            return 1;
        }
        if (timeMs < 1) {
            err.println("duet relate: --time must be at least 1");
            return 1;
        }
        try {
            String text = Cli.read(file, err);
            RelateResult r = Relate.run(text, tool, features, new Relate.Options(top, timeMs));
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

    static String json(RelateResult r) {
        Json j = new Json().beginObject().key("candidates").beginArray();
        for (Candidate c : r.candidates())
            j.beginObject()
                    .key("rank")
                    .value(c.rank())
                    .key("description")
                    .value(c.description())
                    .key("program")
                    .value(c.program())
                    .endObject();
        return j.endArray()
                        .key("timedOut")
                        .value(r.timedOut())
                        .key("message")
                        .value(r.message())
                        .endObject() + "\n";
    }

    /** Each candidate: its rank and description, then its program indented. */
    static String text(RelateResult r) {
        StringBuilder sb = new StringBuilder();
        for (Candidate c : r.candidates()) {
            sb.append(c.rank()).append(". ").append(c.description()).append('\n');
            for (String line : c.program().split("\n", -1))
                if (!line.isEmpty()) sb.append("    ").append(line).append('\n');
            sb.append('\n');
        }
        if (!r.message().isEmpty()) sb.append(r.message()).append('\n');
        return sb.toString();
    }
}
