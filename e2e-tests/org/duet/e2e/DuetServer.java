package org.duet.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/duet.jar} + {@code target/lib/*}) run as a child process:
 * {@code duet serve --port P --workspace DIR}, exactly as a user starts it. The server's output goes to
 * {@code target/e2e-logs/NAME.log}. It can be stopped gently, killed with SIGKILL, and started again on the same
 * workspace and port.
 */
public final class DuetServer implements AutoCloseable {
    static final String READY = "Duet is running";
    static final long START_TIMEOUT_S = 60;

    private final String name;
    private final Path workspace;
    private final int port;
    private final Path log;
    private final boolean ownWorkspace;
    private Process process;
    private int starts;

    private DuetServer(String name, Path workspace, int port, boolean ownWorkspace) {
        this.name = name;
        this.workspace = workspace;
        this.port = port;
        this.ownWorkspace = ownWorkspace;
        this.log = projectDir().resolve("target/e2e-logs/" + name + ".log");
    }

    /** Starts a server on a fresh temporary workspace and a free port; waits until it is ready. */
    public static DuetServer start(String name) {
        try {
            Path ws = Files.createTempDirectory("duet-e2e-" + name + "-");
            DuetServer s = new DuetServer(name, ws, freePort(), true);
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project folder (Failsafe runs the tests there). */
    public static Path projectDir() {
        Path p = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent()) {
            if (Files.isRegularFile(q.resolve("pom.xml")) && Files.isDirectory(q.resolve("e2e-tests"))) return q;
        }
        return p;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path workspace() { return workspace; }

    public int port() { return port; }

    public String url() { return "http://localhost:" + port + "/"; }

    public String url(String path) { return url() + (path.startsWith("/") ? path.substring(1) : path); }

    public boolean isRunning() { return process != null && process.isAlive(); }

    /** Starts the server (again) on this workspace and port and waits for its "Duet is running" line. */
    public synchronized void start() {
        if (isRunning()) throw new IllegalStateException("the server is already running");
        Path dir = projectDir();
        Path jar = dir.resolve("target/duet.jar");
        if (!Files.isRegularFile(jar))
            throw new IllegalStateException("target/duet.jar is missing: build it with mvn -B -DskipTests package");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", jar + ":" + dir.resolve("target/lib") + "/*",
                "org.duet.app.Main", "serve", "--port", String.valueOf(port), "--workspace", workspace.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        try {
            Files.createDirectories(log.getParent());
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        Process p = process;
        int run = starts;
        StringBuilder early = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                         java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
                out.println("==== start " + run + " on port " + port + ", workspace " + workspace);
                String line;
                while ((line = in.readLine()) != null) {
                    out.println(line);
                    if (!ready.isDone()) {
                        if (early.length() < 20000) early.append(line).append('\n');
                        if (line.contains(READY)) ready.complete(null);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            } finally {
                ready.completeExceptionally(new IllegalStateException("the server exited before it was ready:\n" + early));
            }
        }, "duet-server-output-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not print \"" + READY + "\" within " + START_TIMEOUT_S
                    + " s:\n" + early);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the server gently (SIGTERM: the shutdown hook stops Jetty), or forcibly after 20 s. */
    public synchronized void stop() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the server at once: {@link Process#destroyForcibly()}, which on Linux is SIGKILL (no shutdown hooks). */
    public synchronized void kill9() {
        if (process == null) return;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Stops the server and starts it again on the same workspace and port. */
    public void restart() {
        stop();
        start();
    }

    /** Stops the server and deletes its temporary workspace. */
    @Override public void close() {
        stop();
        if (ownWorkspace && !Boolean.getBoolean("duet.e2e.keepWorkspace")) deleteTree(workspace);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** The document file NAME.little in the workspace. */
    public Path document(String docName) { return workspace.resolve(docName + ".little"); }

    /** Writes a document straight into the workspace (as another program would). */
    public void writeDocument(String docName, String text) {
        try {
            Files.writeString(document(docName), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String readDocument(String docName) {
        try {
            return Files.readString(document(docName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public String toString() { return "DuetServer " + name + " on " + url() + " (" + workspace + ")"; }
}
