package org.duet.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.duet.lang.DuetException;
import org.duet.lang.Parser;
import org.duet.lang.Program;
import org.duet.lang.Source;

/**
 * The programs the fuzzer starts from: Sketch-n-Sketch's corpus ({@code -Dduet.corpus=DIR}, else
 * {@code ../shared/corpus}; a missing corpus is an error, never a silent skip), Duet's own examples and programs of
 * {@link DrawingGenerator}. Each is parsed once; its subtrees are the donors of the tree mutations.
 */
final class Seeds {
    /** A seed program and its parse. */
    record Seed(String name, String text, Program program) {}

    private static volatile Seeds instance;

    final List<Seed> all;

    private Seeds(List<Seed> all) {
        this.all = Collections.unmodifiableList(all);
    }

    static Seeds get() {
        Seeds s = instance;
        if (s == null) {
            synchronized (Seeds.class) {
                if (instance == null) instance = load();
                s = instance;
            }
        }
        return s;
    }

    /** The corpus folder, found by the one corpus locator ({@link org.duet.Corpus}); fails if it is missing. */
    static Path corpusDir() {
        return org.duet.Corpus.dir();
    }

    static List<Path> littleFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>(
                    s.filter(p -> p.toString().endsWith(".little")).sorted().toList());
            if (out.isEmpty())
                throw new IllegalStateException("fuzz seeds: no .little files in " + dir.toAbsolutePath());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Seeds load() {
        List<Seed> out = new ArrayList<>();
        List<Path> files = new ArrayList<>(littleFiles(corpusDir()));
        files.addAll(org.duet.Corpus.examples());
        for (Path f : files) {
            try {
                add(out, "corpus/" + f.getFileName(), Files.readString(f, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Random rnd = new Random(8);
        for (int i = 0; i < 40; i++) add(out, "generated/" + i, new DrawingGenerator(Choices.of(rnd)).program());
        return new Seeds(out);
    }

    private static void add(List<Seed> out, String name, String text) {
        Program p;
        try {
            p = org.duet.eval.Runner.call(() -> Parser.parse(new Source(name, text)));
        } catch (DuetException e) {
            p = null; // some corpus programs do not parse on purpose; they still seed the byte-level mode
        }
        out.add(new Seed(name, text, p));
    }
}
