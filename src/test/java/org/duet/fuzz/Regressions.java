package org.duet.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Regression inputs: every problem the fuzzer finds is written to {@code src/test/resources/fuzz/regressions/}
 * ({@code -Dduet.fuzz.findings=DIR} to change) as a {@code .fuzz} file — {@code key: value} lines (the signature,
 * where it was found, the plan of the pipeline, and {@code disabled: reason} while the problem is open), a line
 * {@code ----}, then the program text exactly. {@link FuzzRegressionTest} replays them all on every build.
 */
final class Regressions {
    static final String SEPARATOR = "----";

    record Input(Path file, Map<String, String> header, String program) {
        String signature() {
            return header.getOrDefault("signature", "");
        }

        /** Why the input is expected to fail still (it was routed to another part of the work), or null. */
        String disabled() {
            return header.get("disabled");
        }

        Plan plan() {
            return Plan.fromMap(header);
        }
    }

    static Path dir() {
        return Paths.get(System.getProperty("duet.fuzz.findings", "src/test/resources/fuzz/regressions"));
    }

    static List<Input> all() {
        Path d = dir();
        if (!Files.isDirectory(d)) throw new IllegalStateException("no regression folder " + d.toAbsolutePath());
        try (Stream<Path> s = Files.list(d)) {
            List<Input> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".fuzz")).sorted().toList()) out.add(read(p));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Input read(Path file) {
        try {
            String all = Files.readString(file, StandardCharsets.UTF_8);
            int sep = all.indexOf("\n" + SEPARATOR + "\n");
            if (sep < 0) throw new IllegalStateException(file + ": no line '" + SEPARATOR + "' before the program");
            Map<String, String> header = new LinkedHashMap<>();
            for (String line : all.substring(0, sep).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                int colon = line.indexOf(": ");
                if (colon < 0) throw new IllegalStateException(file + ": not a 'key: value' line: " + line);
                header.put(line.substring(0, colon).trim(), line.substring(colon + 2));
            }
            String program = all.substring(sep + SEPARATOR.length() + 2);
            if ("base64".equals(header.get("program-encoding")))
                program = new String(Base64.getMimeDecoder().decode(program.strip()), StandardCharsets.UTF_16BE);
            return new Input(file, header, program);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a finding as a regression input; returns its file. */
    static Path write(Pipeline.Finding f, String program, Plan plan, Map<String, String> about) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("signature", f.signature);
        h.putAll(about);
        h.putAll(plan.toMap());
        String firstLine = String.valueOf(f.getMessage()).lines().findFirst().orElse("");
        h.put("message", firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine);
        boolean plain = roundTrips(program) && !program.contains("\r");
        if (!plain) h.put("program-encoding", "base64");
        StringBuilder sb = new StringBuilder("# Duet fuzz regression input (see FuzzRegressionTest)\n");
        for (Map.Entry<String, String> e : h.entrySet())
            sb.append(e.getKey())
                    .append(": ")
                    .append(e.getValue().replace('\n', ' ').replace('\r', ' '))
                    .append('\n');
        for (String line : trace(f).split("\n")) sb.append("# ").append(line).append('\n');
        sb.append(SEPARATOR).append('\n');
        sb.append(
                plain
                        ? program
                        : Base64.getMimeEncoder().encodeToString(program.getBytes(StandardCharsets.UTF_16BE)) + "\n");
        String name = f.signature.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        if (name.length() > 80) name = name.substring(0, 80);
        Path file = dir().resolve(name + "-" + hash(program + plan.toMap()) + ".fuzz");
        try {
            Files.createDirectories(dir());
            Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static String trace(Throwable f) {
        StringWriter w = new StringWriter();
        f.printStackTrace(new PrintWriter(w));
        String[] lines = w.toString().split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 40); i++)
            sb.append(lines[i].stripTrailing()).append('\n');
        return sb.toString();
    }

    private static boolean roundTrips(String s) {
        try {
            StandardCharsets.UTF_8
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(s));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_16BE));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
