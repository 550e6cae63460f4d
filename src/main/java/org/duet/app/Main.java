package org.duet.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code duet render|bench|serve|zones|drag|alternatives|why|draw|delete|relate|features …}. */
@Command(
        name = "duet",
        mixinStandardHelpOptions = true,
        version = "Duet 0.1",
        description = "Duet: a drawing is a program in little.",
        subcommands = {
            RenderCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            ZonesCommand.class,
            DragCommand.class,
            AlternativesCommand.class,
            WhyCommand.class,
            DrawCommand.class,
            DeleteCommand.class,
            RelateCommand.class,
            FeaturesCommand.class
        })
public final class Main implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 bad input, 2 bad usage). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            // never a stack trace: an unexpected failure is reported in one line
            cmd.getErr().println("duet: internal error: " + ex);
            return 1;
        });
        return cl.execute(args);
    }
}
