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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The packaged application ({@code target/duet.jar} + {@code target/lib/*}) run as a child process:
 * {@code duet serve --port P --workspace DIR}, exactly as a user starts it. The server's output goes to
 * {@code target/e2e-logs/NAME.log}. It can be stopped gently, killed with SIGKILL, and started again on the same
 * workspace and port (and so with the same access token, which the workspace keeps).
 *
 * <p>The URL with the access token is read from the server's "Duet is running at …" line, as a user reads it:
 * {@link #url()} is that URL (it lets a fresh browser in: the server sets a cookie and redirects to {@code /}),
 * {@link #url(String)} the plain address of a page, for a browser that is in already (see {@link #signIn}), and
 * {@link #http} sends raw HTTP requests, with or without the token.
 */
public final class DuetServer implements AutoCloseable {
    static final String READY = "Duet is running";
    static final java.util.regex.Pattern READY_LINE =
            java.util.regex.Pattern.compile("Duet is running at (http://\\S+)");
    static final long START_TIMEOUT_S = 60;

    private final String name;
    private final Path workspace;
    private final int port;
    private final Path log;
    private final boolean ownWorkspace;
    private final List<String> extraArgs;
    private Process process;
    private int starts;
    private volatile String tokenUrl;

    private DuetServer(String name, Path workspace, int port, boolean ownWorkspace, List<String> extraArgs) {
        this.name = name;
        this.extraArgs = List.copyOf(extraArgs);
        this.workspace = workspace;
        this.port = port;
        this.ownWorkspace = ownWorkspace;
        this.log = projectDir().resolve("target/e2e-logs/" + name + ".log");
    }

    /** Starts a server on a fresh temporary workspace and a free port; waits until it is ready. */
    public static DuetServer start(String name, String... extraArgs) {
        try {
            Path ws = Files.createTempDirectory("duet-e2e-" + name + "-");
            DuetServer s = new DuetServer(name, ws, freePort(), true, List.of(extraArgs));
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project folder (Failsafe runs the tests there). */
    public static Path projectDir() {
        Path p = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
                .toAbsolutePath();
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

    public Path workspace() {
        return workspace;
    }

    public int port() {
        return port;
    }

    /** The URL the server printed, with its token: opening it lets a fresh browser in. */
    public String url() {
        String u = tokenUrl;
        if (u == null) throw new IllegalStateException("the server has not printed its URL yet");
        return u;
    }

    /** The address of a page (no token: for a browser that has opened {@link #url()} or {@link #signIn}). */
    public String url(String path) {
        return base() + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** {@code http://localhost:PORT/}. */
    public String base() {
        return "http://localhost:" + port + "/";
    }

    /** The access token (from the printed URL), or null if the server runs with {@code --no-token}. */
    public String token() {
        String q = java.net.URI.create(url()).getRawQuery();
        if (q == null) return null;
        for (String part : q.split("&")) if (part.startsWith("token=")) return part.substring("token=".length());
        return null;
    }

    /** The page at {@code path} with the token in its URL (the server redirects it to the page without it). */
    public String urlWithToken(String path) {
        String t = token();
        String u = url(path);
        return t == null ? u : u + (u.contains("?") ? "&" : "?") + "token=" + t;
    }

    /** The Cookie header a browser sends once it is in. */
    public String cookieHeader() {
        return "Cookie: duet-token-" + port + "=" + token();
    }

    /** Lets a browser in (it gets the token's cookie) without opening the editor: loads the icon through the token. */
    public void signIn(org.openqa.selenium.WebDriver driver) {
        driver.get(urlWithToken("icons/duet.svg"));
        if (driver.getCurrentUrl().contains("token="))
            throw new IllegalStateException(
                    "the server did not take the token out of the URL: " + driver.getCurrentUrl());
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts the server (again) on this workspace and port and waits for its "Duet is running" line. */
    public synchronized void start() {
        if (isRunning()) throw new IllegalStateException("the server is already running");
        Path dir = projectDir();
        Path jar = dir.resolve("target/duet.jar");
        if (!Files.isRegularFile(jar))
            throw new IllegalStateException("target/duet.jar is missing: build it with mvn -B -DskipTests package");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                jar + ":" + dir.resolve("target/lib") + "/*",
                "org.duet.app.Main",
                "serve",
                "--port",
                String.valueOf(port),
                "--workspace",
                workspace.toString()));
        cmd.addAll(extraArgs);
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
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                                    new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                            PrintWriter out = new PrintWriter(
                                    Files.newBufferedWriter(
                                            log,
                                            StandardCharsets.UTF_8,
                                            java.nio.file.StandardOpenOption.CREATE,
                                            java.nio.file.StandardOpenOption.APPEND),
                                    true)) {
                        out.println("==== start " + run + " on port " + port + ", workspace " + workspace);
                        String line;
                        while ((line = in.readLine()) != null) {
                            out.println(line);
                            if (!ready.isDone()) {
                                if (early.length() < 20000) early.append(line).append('\n');
                                if (line.contains(READY)) {
                                    java.util.regex.Matcher m = READY_LINE.matcher(line);
                                    if (m.find()) {
                                        tokenUrl = m.group(1);
                                        ready.complete(null);
                                    } else {
                                        ready.completeExceptionally(new IllegalStateException(
                                                "the server's ready line has no URL: " + line));
                                    }
                                }
                            }
                        }
                    } catch (IOException ignored) {
                        // the process was killed
                    } finally {
                        ready.completeExceptionally(
                                new IllegalStateException("the server exited before it was ready:\n" + early));
                    }
                },
                "duet-server-output-" + name);
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    "the server did not print \"" + READY + "\" within " + START_TIMEOUT_S + " s:\n" + early);
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
    @Override
    public void close() {
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
    public Path document(String docName) {
        return workspace.resolve(docName + ".little");
    }

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

    // ------------------------------------------------------------------------------------------------ raw HTTP

    /** An HTTP response as it came: status, headers (names in lower case), body (de-chunked). */
    public record HttpResponse(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return v == null || v.isEmpty() ? null : v.get(0);
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of());
        }
    }

    /**
     * Sends one raw HTTP/1.1 request over a socket (so that any Host, Origin or Upgrade header can be sent) and
     * reads the whole response. {@code headers} are lines {@code "Name: value"}; a {@code Host: localhost:PORT}
     * header is added unless one is given. {@code body} may be null.
     */
    public HttpResponse http(String method, String path, String body, String... headers) {
        StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        boolean host = false;
        for (String h : headers) {
            if (h.toLowerCase(java.util.Locale.ROOT).startsWith("host:")) host = true;
            req.append(h).append("\r\n");
        }
        if (!host) req.append("Host: localhost:").append(port).append("\r\n");
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) req.append("Content-Length: ").append(bytes.length).append("\r\n");
        req.append("Connection: close\r\n\r\n");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            java.io.OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            java.io.InputStream in = s.getInputStream();
            // a WebSocket upgrade that succeeds keeps the connection open: read the head, then only what is there
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> hs = new java.util.LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int c = lines[i].indexOf(':');
                if (c < 0) continue;
                hs.computeIfAbsent(
                                lines[i].substring(0, c).trim().toLowerCase(java.util.Locale.ROOT),
                                k -> new ArrayList<>())
                        .add(lines[i].substring(c + 1).trim());
            }
            if (status == 101) return new HttpResponse(status, hs, "");
            byte[] rest = in.readAllBytes();
            List<String> te = hs.getOrDefault("transfer-encoding", List.of());
            String text = te.contains("chunked") ? dechunk(rest) : new String(rest, StandardCharsets.UTF_8);
            return new HttpResponse(status, hs, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(java.io.InputStream in) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        int c, last4 = 0;
        while ((c = in.read()) >= 0) {
            b.write(c);
            last4 = (last4 << 8) | c;
            if (last4 == 0x0d0a0d0a) break; // \r\n\r\n
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static String dechunk(byte[] raw) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length) {
            int eol = i;
            while (eol + 1 < raw.length && !(raw[eol] == '\r' && raw[eol + 1] == '\n')) eol++;
            String sizeLine = new String(raw, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            if (sizeLine.isEmpty()) break;
            int size = Integer.parseInt(sizeLine, 16);
            if (size == 0) break;
            out.write(raw, eol + 2, Math.min(size, raw.length - eol - 2));
            i = eol + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DuetServer " + name + " on " + base() + " (" + workspace + ")";
    }
}
