import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * N concurrent editor sessions on one {@code duet serve}, in one headless Chromium: one tab per session, each on a
 * host name of its own ({@code sK.localhost}, which Chromium resolves to the loopback; the server is started with
 * {@code --allow-host sK.localhost}), so that each tab has its own cookies and so its own Vaadin session, and a
 * document of its own. Per session: the page load (navigation start → the editor shows its code and drawing,
 * measured in the page), then, in all tabs at once (the work is a script in each page, so the tabs run concurrently),
 * EDITS keystrokes in the code pane (one digit of {@code w} replaced through CodeMirror, as typing does; keystroke →
 * the rect's width changed on the canvas, which includes the pane's 90 ms debounce) and DRAGS drags of the rect
 * (20 moves of 2 px; per move → the rect's x changed on the canvas; pointer-up → the server's drawing of the
 * result). Server memory: heap used after a full GC ({@code jcmd PID GC.run}, {@code GC.heap_info}) and RSS, after
 * one warm-up session and after the N sessions have opened and worked; per session = the difference / N.
 *
 * <p>Usage: LoadBench [N …] (default 10 20 50); stops at the first N the machine cannot carry (a session whose page
 * does not load, an edit not shown within 30 s, the work not done within 10 minutes) and says so.
 */
public class LoadBench {
    static final int EDITS = 8, DRAGS = 3;
    static final String PROGRAM =
            "; load bench: one rect (typed: w; dragged: x0, y0) and a row of circles that follow it\n"
                    + "(def w 120)\n(def [x0 y0] [40 40])\n"
                    + "(def dots (map (\\i (circle 'orange' (+ x0 (* i 30)) 200 10)) (range 0 19)))\n"
                    + "(svg (cons (rect 'lightskyblue' x0 y0 w 60) dots))\n";

    /** Resolves with performance.now() (ms since this page's navigation started) once the editor shows its drawing. */
    static final String READY = String.join(
            "\n",
            "const done = arguments[arguments.length - 1];",
            "const ok = () => { const c = document.getElementById('code');",
            "  return document.querySelector('duet-canvas .duet-stage > svg rect') && c && c.shadowRoot",
            "    && c.shadowRoot.querySelector('.cm-content') && c.view && c.view.state.doc.length > 0; };",
            "(function poll() { if (ok()) done(performance.now()); else setTimeout(poll, 5); })();");

    /** Starts the session's work in the page and returns at once; the results are in window.__load. */
    static final String WORK = String.join(
            "\n",
            "const [seed, edits, drags] = [arguments[0], arguments[1], arguments[2]];",
            "const R = window.__load = {type: [], moves: [], missed: 0, finals: [], errors: [], done: false};",
            "const sleep = ms => new Promise(r => setTimeout(r, ms));",
            "const canvas = document.querySelector('duet-canvas');",
            "const code = document.getElementById('code');",
            "const stage = canvas.querySelector('.duet-stage');",
            "const vp = canvas.querySelector('.duet-viewport');",
            "const rect = () => canvas.querySelector('.duet-stage > svg rect');",
            "let rnd = seed;",
            "const random = () => { rnd = (rnd * 16807) % 2147483647; return rnd / 2147483647; };",
            // resolves with the time until get() differs from v0 (the observer is in place before the change starts)
            "const changed = (get, v0, limit) => new Promise(res => {",
            "  const t0 = performance.now(); let over = false;",
            "  const fin = v => { if (over) return; over = true; obs.disconnect(); clearTimeout(timer); res(v); };",
            "  const obs = new MutationObserver(() => { const v = get(); if (v !== null && v !== v0) fin(performance.now() - t0); });",
            "  obs.observe(stage, {childList: true, subtree: true, attributes: true});",
            "  const timer = setTimeout(() => fin(-1), limit);",
            "});",
            "(async () => {",
            "  await sleep(random() * 2000);",
            "  for (let i = 0; i < edits; i++) {",
            "    const text = code.view.state.doc.toString();",
            "    const m = /\\(def w (\\d+)\\)/.exec(text);",
            "    const end = m.index + m[0].length - 1;",
            "    const next = String((Number(text.charAt(end - 1)) + 1) % 10);",
            "    const seen = changed(() => rect() ? rect().getAttribute('width') : null, rect().getAttribute('width'), 30000);",
            "    code.view.dispatch({changes: {from: end - 1, to: end, insert: next}, userEvent: 'input.type'});",
            "    const dt = await seen;",
            "    if (dt < 0) R.errors.push('edit ' + i + ' not shown within 30 s'); else R.type.push(dt);",
            "    await sleep(300 + random() * 400);",
            "  }",
            "  for (let d = 0; d < drags; d++) {",
            "    const el = rect(); const shape = Number(el.getAttribute('data-duet-i'));",
            "    const b = el.getBoundingClientRect();",
            "    let x = b.left + Math.min(b.width / 2, 20), y = b.top + Math.min(b.height / 2, 20);",
            "    const target = document.elementFromPoint(x, y);",
            "    let down = false;",
            "    const fire = (type, on) => (on || vp).dispatchEvent(new PointerEvent(type, {clientX: x, clientY: y,",
            "        pointerId: 7, pointerType: 'mouse', button: 0, buttons: down ? 1 : 0, bubbles: true, composed: true}));",
            "    x -= 1; fire('pointermove', target); x += 1; fire('pointermove', target);",
            "    for (let w = 0; w < 200 && !(canvas.zoneTable && canvas.zoneTable.has(shape)); w++) await sleep(50);",
            "    if (!(canvas.zoneTable && canvas.zoneTable.has(shape))) { R.errors.push('drag ' + d + ': no zones within 10 s'); continue; }",
            "    for (let w = 0; w < 40 && ![...canvas.predictions.keys()].some(k => k.startsWith(shape + '/')); w++) await sleep(50);",
            "    down = true; fire('pointerdown', target);",
            "    for (let i = 0; i < 20; i++) {",
            "      x += 2;",
            "      const seen = changed(() => rect() ? rect().getAttribute('x') : null, rect().getAttribute('x'), 1000);",
            "      fire('pointermove');",
            "      const dt = await seen;",
            "      if (dt < 0) R.missed++; else R.moves.push(dt);",
            "      await sleep(16);",
            "    }",
            "    const svg0 = canvas.querySelector('.duet-stage > svg');",
            "    const tUp = performance.now();",
            "    down = false; fire('pointerup');",
            "    while (canvas.querySelector('.duet-stage > svg') === svg0 && performance.now() - tUp < 30000) await sleep(2);",
            "    if (canvas.querySelector('.duet-stage > svg') === svg0) R.errors.push('drag ' + d + ': no drawing from the server within 30 s');",
            "    else R.finals.push(performance.now() - tUp);",
            "    await sleep(500 + random() * 500);",
            "  }",
            "  R.done = true;",
            "})().catch(e => { R.errors.push(String(e)); R.done = true; });",
            "return true;");

    record Memory(long heapKb, long rssKb) {}

    record Level(
            int n,
            List<Double> loads,
            List<Double> types,
            List<Double> moves,
            long missed,
            List<Double> finals,
            List<String> errors,
            Memory before,
            Memory opened,
            Memory after,
            String loadDuring,
            long workMs,
            boolean finished,
            double serverCpuS) {}

    public static void main(String[] args) throws Exception {
        List<Integer> ns = new ArrayList<>();
        for (String a : args) ns.add(Integer.parseInt(a));
        if (ns.isEmpty()) ns = List.of(10, 20, 50);
        System.out.printf(
                "%s; machine: nproc %d, %s, Java %s, %d MB of memory available; load average before: %s%n",
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).withNano(0),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"),
                System.getProperty("java.version"),
                memAvailableKb() / 1024,
                loadavg());
        List<Level> done = new ArrayList<>();
        for (int n : ns) {
            long availMb = memAvailableKb() / 1024;
            if (availMb < 1500 + 120L * n) {
                System.out.printf(
                        "N = %d: skipped, only %d MB of memory available (about %d MB needed)%n",
                        n, availMb, 1500 + 120L * n);
                break;
            }
            Level l = run(n);
            done.add(l);
            print(l);
            if (!l.finished() || !l.errors().isEmpty()) {
                System.out.printf(
                        "N = %d is more than this machine carries (see the errors above); larger N not tried%n", n);
                break;
            }
        }
        System.out.println();
        System.out.println(
                "| N | page load p50 / p95 | keystroke → canvas p50 / p95 | drag per move p50 / p95 (moves without update) | drag pointer-up → server's drawing p50 / p95 | server heap after GC: warm-up session → N open → after the work | per session: heap open / after the work, RSS after the work | load average (1 min) during the work |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---|");
        for (Level l : done) {
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.0f / %.0f ms | %.0f / %.0f ms | %.1f / %.1f ms (%d) | %.0f / %.0f ms | %.1f → %.1f → %.1f MB | %.2f / %.2f MB, %.1f MB | %s |%n",
                    l.n(),
                    pct(l.loads(), 50),
                    pct(l.loads(), 95),
                    pct(l.types(), 50),
                    pct(l.types(), 95),
                    pct(l.moves(), 50),
                    pct(l.moves(), 95),
                    l.missed(),
                    pct(l.finals(), 50),
                    pct(l.finals(), 95),
                    l.before().heapKb() / 1024.0,
                    l.opened().heapKb() / 1024.0,
                    l.after().heapKb() / 1024.0,
                    (l.opened().heapKb() - l.before().heapKb()) / 1024.0 / l.n(),
                    (l.after().heapKb() - l.before().heapKb()) / 1024.0 / l.n(),
                    (l.after().rssKb() - l.before().rssKb()) / 1024.0 / l.n(),
                    l.loadDuring());
        }
    }

    static void print(Level l) {
        System.out.printf(
                Locale.ROOT,
                "N = %d: %s in %.1f s (server CPU %.1f s: %.0f %% of one core); page load p50 %.0f / p95 %.0f / max %.0f ms; keystroke → canvas"
                        + " p50 %.0f / p95 %.0f / max %.0f ms (%d edits); drag per move p50 %.1f / p95 %.1f ms (%d moves, %d without"
                        + " an update within 1 s); pointer-up → server's drawing p50 %.0f / p95 %.0f ms (%d drags);"
                        + " server heap after GC %.1f MB (1 session) → %.1f MB (N+1 open, idle) → %.1f MB (after the work);"
                        + " RSS %.0f → %.0f → %.0f MB; load average during the work %s; errors %d%s%n",
                l.n(),
                l.finished() ? "work done" : "WORK NOT DONE",
                l.workMs() / 1000.0,
                l.serverCpuS(),
                100 * l.serverCpuS() / (l.workMs() / 1000.0),
                pct(l.loads(), 50),
                pct(l.loads(), 95),
                pct(l.loads(), 100),
                pct(l.types(), 50),
                pct(l.types(), 95),
                pct(l.types(), 100),
                l.types().size(),
                pct(l.moves(), 50),
                pct(l.moves(), 95),
                l.moves().size(),
                l.missed(),
                pct(l.finals(), 50),
                pct(l.finals(), 95),
                l.finals().size(),
                l.before().heapKb() / 1024.0,
                l.opened().heapKb() / 1024.0,
                l.after().heapKb() / 1024.0,
                l.before().rssKb() / 1024.0,
                l.opened().rssKb() / 1024.0,
                l.after().rssKb() / 1024.0,
                l.loadDuring(),
                l.errors().size(),
                l.errors().isEmpty()
                        ? ""
                        : ": "
                                + String.join(
                                        "; ",
                                        l.errors()
                                                .subList(
                                                        0,
                                                        Math.min(5, l.errors().size()))));
    }

    @SuppressWarnings("unchecked")
    static Level run(int n) throws Exception {
        Path ws = Files.createTempDirectory("duet-load-ws");
        Files.writeString(ws.resolve("warm.little"), PROGRAM);
        for (int k = 1; k <= n; k++) Files.writeString(ws.resolve("load" + k + ".little"), PROGRAM);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(
                "java",
                "-cp",
                "target/duet.jar:target/lib/*",
                "org.duet.app.Main",
                "serve",
                "--port",
                String.valueOf(port),
                "--workspace",
                ws.toString()));
        for (int k = 1; k <= n; k++) {
            cmd.add("--allow-host");
            cmd.add("s" + k + ".localhost");
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Path log = Path.of("target/load-bench-" + n + ".log");
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line, token = null;
        while ((line = in.readLine()) != null) {
            Matcher m = Pattern.compile("Duet is running at http://\\S+[?&]token=([A-Za-z0-9._~-]+)")
                    .matcher(line);
            if (m.find()) {
                token = m.group(1);
                break;
            }
        }
        if (token == null) throw new IllegalStateException("the server did not print its URL (see " + log + ")");
        CompletableFuture.runAsync(
                () -> { // the server's output goes on to the log
                    try (PrintWriter out =
                            new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
                        String l;
                        while ((l = in.readLine()) != null) out.println(l);
                    } catch (Exception e) {
                        System.err.println("server log: " + e);
                    }
                });
        long pid = p.pid();

        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,900",
                // every tab works at once: no throttling of the tabs in the background
                "--disable-background-timer-throttling",
                "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows",
                "--disable-features=IntensiveWakeUpThrottling");
        ChromeDriverService svc = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        ChromeDriver d = new ChromeDriver(svc, o);
        JavascriptExecutor js = d;
        List<Double> loads = new ArrayList<>(),
                types = new ArrayList<>(),
                moves = new ArrayList<>(),
                finals = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long missed = 0;
        try {
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            d.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
            // a warm-up session (the JIT, the first Vaadin session's one-time costs), kept open
            open(d, "localhost", port, token, "warm");
            js.executeScript(WORK, 7, EDITS, DRAGS);
            waitDone(d, List.of(d.getWindowHandle()), errors, TimeUnit.MINUTES.toMillis(3));
            errors.clear();
            Memory before = memory(pid);

            List<String> tabs = new ArrayList<>();
            java.util.Set<String> sessions = new java.util.HashSet<>();
            for (int k = 1; k <= n; k++) {
                d.switchTo().newWindow(WindowType.TAB);
                try {
                    loads.add(open(d, "s" + k + ".localhost", port, token, "load" + k));
                    tabs.add(d.getWindowHandle());
                    org.openqa.selenium.Cookie c = d.manage().getCookieNamed("JSESSIONID");
                    if (c != null) sessions.add(c.getValue());
                } catch (RuntimeException e) {
                    errors.add("session " + k + ": the page did not load: "
                            + e.getMessage().lines().findFirst().orElse(""));
                }
            }
            Memory opened = memory(pid);
            if (sessions.size() != tabs.size())
                errors.add("the " + tabs.size() + " tabs have " + sessions.size()
                        + " different session cookies, not one each");

            long t0 = System.currentTimeMillis();
            double cpu0 = cpuSeconds(pid);
            for (int i = 0; i < tabs.size(); i++) {
                d.switchTo().window(tabs.get(i));
                js.executeScript(WORK, 1000 + 17 * i, EDITS, DRAGS);
            }
            String loadStart = loadavg();
            boolean finished = waitDone(d, tabs, errors, TimeUnit.MINUTES.toMillis(10));
            long workMs = System.currentTimeMillis() - t0;
            double serverCpu = cpuSeconds(pid) - cpu0;
            String loadEnd = loadavg();
            for (int i = 0; i < tabs.size(); i++) {
                d.switchTo().window(tabs.get(i));
                Map<String, Object> r = (Map<String, Object>) js.executeScript("return window.__load");
                types.addAll(nums(r.get("type")));
                moves.addAll(nums(r.get("moves")));
                finals.addAll(nums(r.get("finals")));
                missed += ((Number) r.get("missed")).longValue();
                for (Object e : (List<Object>) r.get("errors")) errors.add("session " + (i + 1) + ": " + e);
            }
            Memory after = memory(pid);
            return new Level(
                    n,
                    loads,
                    types,
                    moves,
                    missed,
                    finals,
                    errors,
                    before,
                    opened,
                    after,
                    loadStart.split(" ")[0] + " → " + loadEnd.split(" ")[0],
                    workMs,
                    finished,
                    serverCpu);
        } finally {
            d.quit();
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    /** Signs this host's cookie jar in with the token, opens the document; returns the page-load time in ms. */
    static double open(ChromeDriver d, String host, int port, String token, String doc) {
        d.get("http://" + host + ":" + port + "/icons/duet.svg?token=" + token);
        d.get("http://" + host + ":" + port + "/doc/" + doc);
        return ((Number) d.executeAsyncScript(READY)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    static boolean waitDone(ChromeDriver d, List<String> tabs, List<String> errors, long limitMs)
            throws InterruptedException {
        long t0 = System.currentTimeMillis();
        while (System.currentTimeMillis() - t0 < limitMs) {
            boolean all = true;
            for (String t : tabs) {
                d.switchTo().window(t);
                if (!Boolean.TRUE.equals(d.executeScript("return window.__load && window.__load.done"))) {
                    all = false;
                    break;
                }
            }
            if (all) return true;
            Thread.sleep(1000);
        }
        errors.add("the work was not done within " + limitMs / 1000 + " s");
        return false;
    }

    static List<Double> nums(Object o) {
        List<Double> out = new ArrayList<>();
        for (Object x : (List<?>) o) out.add(((Number) x).doubleValue());
        return out;
    }

    static double pct(List<Double> xs, int p) {
        if (xs.isEmpty()) return Double.NaN;
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int i = (int) Math.ceil(s.size() * p / 100.0) - 1;
        return s.get(Math.max(0, Math.min(s.size() - 1, i)));
    }

    /** Heap used after a full GC (jcmd) and resident set size (/proc) of the server process. */
    static Memory memory(long pid) throws Exception {
        for (int i = 0; i < 2; i++) { // twice: what the first collection only queued (weak references …) goes too
            jcmd(pid, "GC.run");
            Thread.sleep(500);
        }
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) throw new IllegalStateException("jcmd GC.heap_info: no heap use in\n" + info);
        long rss = -1;
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status")))
            if (l.startsWith("VmRSS:")) rss = Long.parseLong(l.replaceAll("\\D+", ""));
        return new Memory(Long.parseLong(m.group(1)), rss);
    }

    static String jcmd(long pid, String what) throws Exception {
        Process j = new ProcessBuilder("jcmd", String.valueOf(pid), what)
                .redirectErrorStream(true)
                .start();
        String out = new String(j.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (j.waitFor() != 0) throw new IllegalStateException("jcmd " + pid + " " + what + " failed:\n" + out);
        return out;
    }

    /** User + system CPU time of a process (/proc/PID/stat, clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) throws Exception {
        String st = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    static String loadavg() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
        return f[0] + " " + f[1] + " " + f[2];
    }

    static long memAvailableKb() throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/meminfo")))
            if (l.startsWith("MemAvailable:")) return Long.parseLong(l.replaceAll("\\D+", ""));
        return Long.MAX_VALUE;
    }
}
