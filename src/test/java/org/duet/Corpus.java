package org.duet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one place tests find Sketch-n-Sketch's example corpus (read where it lies, never copied into the project):
 * the folder named by {@code -Dduet.corpus=DIR}, or else {@code ../shared/corpus} beside the project root. A missing
 * folder, or one without programs, fails the test that asked for it: a corpus test never passes on no data.
 */
public final class Corpus {
    /** The system property that points the corpus tests at another folder of programs. */
    public static final String PROPERTY = "duet.corpus";

    private Corpus() {}

    /** The project root: the folder Maven runs the tests in ({@code basedir}), or the working directory. */
    public static Path projectDir() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath()
                .normalize();
    }

    /** True when the tests run on the standard corpus (so that its known sizes can be checked). */
    public static boolean isStandard() {
        return System.getProperty(PROPERTY) == null;
    }

    /** The corpus folder; fails with a message saying where it was looked for when it is not there. */
    public static Path dir() {
        String given = System.getProperty(PROPERTY);
        Path dir = given != null
                ? Path.of(given).toAbsolutePath().normalize()
                : projectDir().resolveSibling("shared").resolve("corpus");
        if (!Files.isDirectory(dir))
            throw new AssertionError("the corpus folder " + dir + " is missing"
                    + (given != null
                            ? " (given by -D" + PROPERTY + ")"
                            : " (expected beside the project, or give -D" + PROPERTY + "=DIR)"));
        return dir;
    }

    /** Every {@code *.little} program of the corpus, sorted by name; fails when there is none. */
    public static List<Path> programs() {
        Path dir = dir();
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".little"))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) throw new AssertionError("the corpus folder " + dir + " holds no .little program");
        return out;
    }

    /** A program of the corpus by name (without {@code .little}); fails when it is not there. */
    public static Path program(String name) {
        Path p = dir().resolve(name + ".little");
        if (!Files.isRegularFile(p)) throw new AssertionError("the corpus has no program " + p);
        return p;
    }

    /** A program's name without {@code .little}. */
    public static String name(Path program) {
        return program.getFileName().toString().replaceAll("\\.little$", "");
    }

    /** Duet's own example programs ({@code little-lang/examples}); fails when there are none. */
    public static List<Path> examples() {
        Path dir = projectDir().resolve("little-lang").resolve("examples");
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".little"))
                    .sorted()
                    .forEach(out::add);
        } catch (IOException e) {
            throw new AssertionError("Duet's examples folder " + dir + " cannot be read: " + e.getMessage());
        }
        if (out.isEmpty()) throw new AssertionError("Duet's examples folder " + dir + " holds no program");
        return out;
    }
}
