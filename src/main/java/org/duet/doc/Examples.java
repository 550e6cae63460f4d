package org.duet.doc;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;

/** Duet's own example programs (little-lang/examples, on the class path as org/duet/examples/). */
public final class Examples {
    private Examples() {}

    public static final String FOLDER = "org/duet/examples/";

    public record Example(String name, String text, String description) {}

    private static volatile List<Example> cache;
    private static final Map<String, String> THUMBS = new ConcurrentHashMap<>();

    public static List<Example> all() {
        List<Example> c = cache;
        if (c == null) cache = c = load();
        return c;
    }

    public static Example get(String name) {
        for (Example e : all()) if (e.name().equals(name)) return e;
        return null;
    }

    private static List<Example> load() {
        List<Example> out = new ArrayList<>();
        URL url = Examples.class.getClassLoader().getResource(FOLDER);
        if (url == null) return List.of();
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                collect(fs.getPath(FOLDER), out);
            } else {
                collect(Path.of(uri), out);
            }
        } catch (IOException | URISyntaxException e) {
            return List.of();
        }
        out.sort((a, b) -> a.name().compareToIgnoreCase(b.name()));
        return Collections.unmodifiableList(out);
    }

    private static void collect(Path dir, List<Example> out) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String fn = p.getFileName().toString();
                if (!fn.endsWith(".little")) continue;
                String text = Files.readString(p, StandardCharsets.UTF_8);
                out.add(new Example(fn.substring(0, fn.length() - 7), text, description(text)));
            }
        }
    }

    /** The first comment line of a program. */
    static String description(String text) {
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith(";")) return l.replaceFirst("^;+\\s*", "");
            if (!l.isEmpty()) break;
        }
        return "";
    }

    /** A data: URL of the example's drawing (clean SVG fitted to its content), for the gallery. */
    public static String thumbnailDataUrl(Example ex) {
        return THUMBS.computeIfAbsent(ex.name(), k -> {
            String svg;
            try {
                svg = Renderer.render(ex.name(), ex.text()).canvas.toExportSvg();
            } catch (DuetException e) {
                svg =
                        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 60'><text x='5' y='35'>error</text></svg>";
            }
            return "data:image/svg+xml;base64,"
                    + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
        });
    }

    /**
     * The program of a new, empty document: an empty {@code blobs} list (interaction.md §6.1's BLANK), so that the
     * drawing tools add each shape as a definition and a name in the list.
     */
    public static String blank() {
        return "; A new drawing: draw with the tools above,\n"
                + "; or write the program and the canvas follows.\n\n"
                + "(blobs [\n])\n";
    }

    /** The first document of a new workspace. */
    public static String welcome() {
        Example e = get("duetLogo");
        if (e != null) return e.text();
        return blank();
    }
}
