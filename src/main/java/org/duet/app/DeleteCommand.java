package org.duet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.duet.edit.Blobs;
import org.duet.edit.DrawException;
import org.duet.lang.DuetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "delete",
        mixinStandardHelpOptions = true,
        description = "Remove the blobs of shapes from the drawing's list and print the program.")
final class DeleteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the program (.little)")
    Path file;

    @Option(
            names = "--shape",
            paramLabel = "N",
            required = true,
            split = ",",
            description = "the shape's number (as for drag and zones); several: --shape 3,5 or --shape 3 --shape 5")
    List<Integer> shapes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            String text = Cli.read(file, err);
            out.print(Blobs.deleteShapes(text, shapes));
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
}
