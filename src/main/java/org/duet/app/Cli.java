package org.duet.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.duet.lang.DuetException;

/** Shared helpers of the commands: reading program files and reporting errors as FILE:LINE:COL: message. */
final class Cli {
    private Cli() {}

    /** Thrown to end a command with exit code 1 after a message has been printed. */
    static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }

    static String read(Path file, PrintWriter err) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
        } catch (CharacterCodingException e) {
            err.println(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            err.println(file + ": cannot read: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (OutOfMemoryError e) {
            err.println(file + ": too large to read");
        }
        throw new Failed();
    }

    /** The heuristics named on the command line, or a message and {@link Failed}. */
    static org.duet.sync.Heuristics heuristics(String word, String command, PrintWriter err) {
        try {
            return org.duet.sync.Heuristics.parse(word);
        } catch (IllegalArgumentException e) {
            err.println("duet " + command + ": " + e.getMessage());
            throw new Failed();
        }
    }

    /** A drag displacement must be finite. */
    static void finite(double dx, double dy, String command, PrintWriter err) {
        if (Double.isFinite(dx) && Double.isFinite(dy)) return;
        err.println("duet " + command + ": --dx and --dy must be finite numbers");
        throw new Failed();
    }

    /** The zone table of a program file (its DuetException if it does not render). */
    static org.duet.sync.SyncTable table(Path file, org.duet.sync.Heuristics h, PrintWriter err) {
        String text = read(file, err);
        return org.duet.sync.Sync.table(org.duet.svg.Renderer.render(file.toString(), text), h);
    }

    static void report(Path file, DuetException e, PrintWriter err) {
        err.println(e.format(file.toString()));
    }
}
