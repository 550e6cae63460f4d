import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Drag latency as a person's drag sees it, in headless Chromium: pointer down on a shape, 100 moves of 1 px each
 * (each one sent on the next animation frame after the previous move's drawing appeared, or after a frame if none
 * came), pointer up. Measured in the page: move → the dragged shape's attribute changes on the canvas; pointer-down
 * → first update; after pointer-up, until the drawing and the code stop changing and until the server's final drawing
 * arrives; per move, whether a dependent shape moved on that frame. Optionally through {@link DelayProxy}, which
 * delays every byte between browser and server by DELAY_MS in each direction (Chromium's
 * Network.emulateNetworkConditions does not delay WebSocket frames); then a move is sent on every frame, as a hand
 * moves, without waiting for the previous one to be drawn.
 * Usage: DragLatencyBench PROGRAM.little SHAPE_INDEX ATTRIBUTE [DEP_SHAPE DEP_ATTRIBUTE] [DELAY_MS]
 */
public class DragLatencyBench {
    static final String SCRIPT = String.join(
            "\n",
            "const [shape, attr, depShape, depAttr, frameMode, done] = [arguments[0], arguments[1], arguments[2], arguments[3],",
            "    arguments[4], arguments[arguments.length - 1]];",
            "const canvas = document.querySelector('duet-canvas');",
            "const vp = canvas.querySelector('.duet-viewport');",
            "const at = i => canvas.querySelector(`.duet-stage > svg [data-duet-i='${i}']`);",
            "const el = () => at(shape);",
            "const dep = () => depShape >= 0 ? at(depShape) : null;",
            "const depVal = () => { const d = dep(); return d ? d.getAttribute(depAttr) : null; };",
            "const frame = () => new Promise(r => requestAnimationFrame(() => r()));",
            "const sleep = ms => new Promise(r => setTimeout(r, ms));",
            "(async () => {",
            "  const b = el().getBoundingClientRect();",
            "  const code = document.querySelector('duet-code-editor');",
            "  let x = b.left + Math.min(b.width / 2, 20), y = b.top + Math.min(b.height / 2, 20);",
            "  const target = document.elementFromPoint(x, y);",
            "  const fire = (type, px, py, on) => (on || vp).dispatchEvent(new PointerEvent(type, {clientX: px, clientY: py,",
            "      pointerId: 7, pointerType: 'mouse', button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true,",
            "      composed: true}));",
            "  await sleep(1500); // the previous round's final run has replaced the drawing and forgotten the zones",
            "  fire('pointermove', x - 1, y, target);",
            "  fire('pointermove', x, y, target);",
            "  for (let w = 0; w < 200 && !(canvas.zoneTable.has(shape) && [...canvas.predictions.keys()].some(k => k.startsWith(shape + '/'))); w++)",
            "    await sleep(50);",
            "  const predictionReady = [...canvas.predictions.keys()].some(k => k.startsWith(shape + '/'));",
            "  await sleep(300);",
            "  const stage = canvas.querySelector('.duet-stage');",
            "  const changedFrom = (v0, limit) => new Promise(res => {",
            "    const t0 = performance.now();",
            "    let over = false;",
            "    const finish = v => { if (over) return; over = true; obs.disconnect(); clearTimeout(timer); res(v); };",
            "    const obs = new MutationObserver(() => {",
            "      const e = el(); if (e && e.getAttribute(attr) !== v0) finish(performance.now() - t0);",
            "    });",
            "    obs.observe(stage, {childList: true, subtree: true, attributes: true});",
            "    const timer = setTimeout(() => finish(-1), limit);",
            "  });",
            "  const v00 = el().getAttribute(attr), d00 = depVal(), text00 = code.text;",
            "  const tDown = performance.now();",
            "  fire('pointerdown', x, y, target);",
            "  const prof = {step: [], apply: [], send: [], code: []};",
            "  const wrap = (o, m, into) => { const f = o[m].bind(o); o[m] = (...a) => { const t = performance.now(); const r = f(...a); into.push(performance.now() - t); return r; }; };",
            "  if (canvas.drag && canvas.drag.pred) { wrap(canvas.drag.pred, 'step', prof.step); wrap(canvas.drag.pred, 'apply', prof.apply); }",
            "  wrap(canvas, 'sendDrag', prof.send); wrap(canvas, 'showCoords', prof.code);",
            "  const atDown = canvas.drag ? [canvas.drag.zone, !!canvas.drag.pred, [...canvas.predictions.keys()].join(' ')] : null;",
            "  const moves = [], depMoves = [], predLog = [], gaps = [], fires = [];",
            "  let first = -1;",
            "  let lastCodeChange = -1, lastText = code.text, tLast = 0;",
            "  for (let i = 0; i < 100; i++) {",
            "    const v0 = el().getAttribute(attr), w0 = depVal();",
            "    x += 1; y += (i % 2);",
            "    if (i > 0) gaps.push(performance.now() - tLast);",
            "    tLast = performance.now();",
            // the observer is in place before the move: a prediction changes the drawing within the event itself
            "    const changed = changedFrom(v0, frameMode ? 16 : 1000);",
            "    fire('pointermove', x, y);",
            "    fires.push(performance.now() - tLast);",
            "    if (i < 5 || i > 95) predLog.push([canvas.drag && canvas.drag.predicted, canvas.drag && !!canvas.drag.pred, canvas.drag && canvas.drag.dx]);",
            // in frame mode the next move comes on the next frame whatever happened (a person's hand does not wait)
            "    const lat = await changed;",
            "    if (first < 0 && lat >= 0) first = performance.now() - tDown;",
            "    moves.push(lat);",
            "    await frame();",
            "    depMoves.push(depShape < 0 ? true : depVal() !== w0);",
            "  }",
            "  const tLastMove = tLast;",
            "  const svg0 = canvas.querySelector('.duet-stage > svg');",
            "  const tUp = performance.now();",
            "  fire('pointerup', x, y);",
            "  let lastVisual = 0, serverFinal = -1, prev = [el().getAttribute(attr), depVal(), code.text];",
            "  lastText = code.text; lastCodeChange = 0;",
            "  while (performance.now() - tUp < 4000) {",
            "    await frame();",
            "    const now = performance.now();",
            "    const cur = [el() && el().getAttribute(attr), depVal(), code.text];",
            "    if (cur.some((v, k) => v !== prev[k])) lastVisual = now - tUp;",
            "    if (code.text !== lastText) { lastText = code.text; lastCodeChange = now - tLastMove; }",
            "    prev = cur;",
            "    if (serverFinal < 0 && canvas.querySelector('.duet-stage > svg') !== svg0) serverFinal = now - tUp;",
            "    if (serverFinal >= 0 && now - tUp > serverFinal + 300) break;",
            "  }",
            "  done({moves, gaps, depMoves, first, settle: lastVisual, serverFinal, codeSettled: lastCodeChange, predictionReady,",
            "        changed: el().getAttribute(attr) !== v00, depChanged: depVal() !== d00, codeChanged: code.text !== text00,",
            "        debug: [Object.entries(prof).map(([k, v]) => k + ' ' + v.sort((a, b) => a - b)[v.length >> 1]?.toFixed(2) + '/' + v[Math.floor(v.length * 0.95)]?.toFixed(2)).join(', '), fires.map(f => f.toFixed(1)).join(' '), JSON.stringify(predLog), atDown, target.tagName, target.getAttribute('data-duet-i'), canvas.caption, v00, el().getAttribute(attr)]});",
            "})().catch(e => done({error: String(e) + ' ' + e.stack}));");

    public static void main(String[] args) throws Exception {
        Path program = Path.of(args[0]);
        int shape = Integer.parseInt(args[1]);
        String attr = args[2];
        int depShape = args.length > 4 ? Integer.parseInt(args[3]) : -1;
        String depAttr = args.length > 4 ? args[4] : "";
        int delay = args.length > 5 ? Integer.parseInt(args[5]) : args.length == 4 ? Integer.parseInt(args[3]) : 0;
        Path ws = Files.createTempDirectory("duet-latency-ws");
        String doc = program.getFileName().toString().replace(".little", "");
        Files.copy(program, ws.resolve(doc + ".little"));
        int port = 18180 + (int) (Math.random() * 500);
        Process p = new ProcessBuilder(
                        "java",
                        "-cp",
                        "target/duet.jar:target/lib/*",
                        "org.duet.app.Main",
                        "serve",
                        "--port",
                        String.valueOf(port),
                        "--workspace",
                        ws.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line;
        while ((line = in.readLine()) != null && !line.contains("Duet is running")) {}
        // the access token of the printed URL (the page is opened through the delaying proxy's port)
        String token = line == null ? "" : line.replaceFirst(".*[?&]token=([A-Za-z0-9._~-]+).*", "$1");
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
                "--window-size=1400,900");
        ChromeDriverService s = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        ChromeDriver d = new ChromeDriver(s, o);
        DelayProxy proxy = null;
        try {
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            int pagePort = port;
            if (delay > 0) {
                proxy = new DelayProxy(0, port, delay).start();
                pagePort = proxy.port();
            }
            d.get("http://localhost:" + pagePort + "/doc/" + doc + "?token=" + token);
            Thread.sleep(4000 + 20L * delay);
            for (int round = 0; round < 2; round++) { // round 0 warms the server's JIT
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>)
                        ((JavascriptExecutor) d).executeAsyncScript(SCRIPT, shape, attr, depShape, depAttr, delay > 0);
                if (r.containsKey("error")) throw new IllegalStateException(String.valueOf(r.get("error")));
                if (System.getenv("DUET_BENCH_DEBUG") != null) System.out.println("debug: " + r.get("debug"));
                if (round == 0) continue;
                @SuppressWarnings("unchecked")
                List<Number> moves = (List<Number>) r.get("moves");
                @SuppressWarnings("unchecked")
                List<Boolean> depMoves = (List<Boolean>) r.get("depMoves");
                double[] ms = moves.stream()
                        .mapToDouble(Number::doubleValue)
                        .filter(v -> v >= 0)
                        .sorted()
                        .toArray();
                long missed = moves.stream().filter(v -> v.doubleValue() < 0).count();
                long depMoved = depMoves.stream().filter(Boolean::booleanValue).count();
                @SuppressWarnings("unchecked")
                double[] gaps = ((List<Number>) r.get("gaps"))
                        .stream().mapToDouble(Number::doubleValue).sorted().toArray();
                System.out.printf(
                        Locale.ROOT,
                        "%s shape %d %s%s, %s: per move median %.1f ms, p95 %.1f ms (%d of 100 moves without an update %s);"
                                + " dependent shape %s moved on %d of 100 frames; time between moves (a frame, drawn) median %.1f ms, p95 %.1f ms;"
                                + " pointer-down to first update %.0f ms; after pointer-up the drawing and code stop changing"
                                + " at %.0f ms, the server's final drawing at %.0f ms; code pane settled %.0f ms after the"
                                + " last move (prediction ready before the press: %s; changed: %s %s %s)%n",
                        doc,
                        shape,
                        attr,
                        depShape >= 0 ? " (dependent: shape " + depShape + " " + depAttr + ")" : "",
                        delay > 0 ? "proxy delay " + delay + " ms each way" : "no added latency",
                        ms.length == 0 ? -1 : ms[ms.length / 2],
                        ms.length == 0 ? -1 : ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.95) - 1)],
                        missed,
                        delay > 0 ? "within the frame" : "within 1 s",
                        depShape >= 0 ? String.valueOf(depShape) : "-",
                        depMoved,
                        gaps[gaps.length / 2],
                        gaps[(int) Math.ceil(gaps.length * 0.95) - 1],
                        ((Number) r.get("first")).doubleValue(),
                        ((Number) r.get("settle")).doubleValue(),
                        ((Number) r.get("serverFinal")).doubleValue(),
                        ((Number) r.get("codeSettled")).doubleValue(),
                        r.get("predictionReady"),
                        r.get("changed"),
                        r.get("depChanged"),
                        r.get("codeChanged"));
            }
        } finally {
            d.quit();
            if (proxy != null) proxy.close();
            p.destroy();
        }
    }
}
