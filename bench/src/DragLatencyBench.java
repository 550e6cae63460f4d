import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Drag latency as a person's drag sees it, in headless Chromium: pointer down on a shape, 100 moves of 1 px each
 * (each one sent on the next animation frame after the previous move's drawing appeared, or after a frame if none
 * came), pointer up. Measured in the page: move → the dragged shape's attribute changes on the canvas; pointer-down
 * → first update; pointer-up → the code pane shows the final program. Optionally with network latency emulated by
 * Chromium (`Network.emulateNetworkConditions`).
 * Usage: DragLatencyBench PROGRAM.little SHAPE_INDEX ATTRIBUTE [LATENCY_MS]
 */
public class DragLatencyBench {
    static final String SCRIPT = String.join("\n",
            "const [shape, attr, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];",
            "const canvas = document.querySelector('duet-canvas');",
            "const vp = canvas.querySelector('.duet-viewport');",
            "const el = () => canvas.querySelector(`.duet-stage > svg [data-duet-i='${shape}']`);",
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
            "  fire('pointermove', x, y, target);",
            "  for (let w = 0; w < 100 && !canvas.zoneTable.has(shape); w++) await sleep(50);",
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
            "  const v00 = el().getAttribute(attr);",
            "  const tDown = performance.now();",
            "  fire('pointerdown', x, y, target);",
            "  const moves = [];",
            "  let first = -1;",
            "  for (let i = 0; i < 100; i++) {",
            "    const v0 = el().getAttribute(attr);",
            "    x += 1; y += (i % 2);",
            "    const t = performance.now();",
            "    fire('pointermove', x, y);",
            "    const lat = await changedFrom(v0, 1000);",
            "    if (first < 0 && lat >= 0) first = performance.now() - tDown;",
            "    moves.push(lat);",
            "    await frame();",
            "  }",
            "  const textBefore = code.text;",
            "  const tUp = performance.now();",
            "  fire('pointerup', x, y);",
            "  let settle = -1;",
            "  while (performance.now() - tUp < 3000) {",
            "    await frame();",
            "    if (document.getElementById('status-info').textContent.includes('saved') && code.text !== undefined",
            "        && !canvas.classList.contains('duet-dragging')) { settle = performance.now() - tUp; break; }",
            "  }",
            "  done({moves, first, settle, changed: el().getAttribute(attr) !== v00, text: code.text.length,",
            "        debug: [target.tagName, target.getAttribute('data-duet-i'), canvas.caption, v00, el().getAttribute(attr)]});",
            "})().catch(e => done({error: String(e)}));");

    public static void main(String[] args) throws Exception {
        Path program = Path.of(args[0]);
        int shape = Integer.parseInt(args[1]);
        String attr = args[2];
        int latency = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Path ws = Files.createTempDirectory("duet-latency-ws");
        String doc = program.getFileName().toString().replace(".little", "");
        Files.copy(program, ws.resolve(doc + ".little"));
        int port = 18180 + (int) (Math.random() * 500);
        Process p = new ProcessBuilder("java", "-cp", "target/duet.jar:target/lib/*", "org.duet.app.Main", "serve",
                "--port", String.valueOf(port), "--workspace", ws.toString()).redirectErrorStream(true).start();
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()));
        String line;
        while ((line = in.readLine()) != null && !line.contains("Duet is running")) { }
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,900");
        ChromeDriverService s = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        ChromeDriver d = new ChromeDriver(s, o);
        try {
            d.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
            if (latency > 0) {
                d.executeCdpCommand("Network.enable", Map.of());
                d.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", latency,
                        "downloadThroughput", -1, "uploadThroughput", -1));
            }
            d.get("http://localhost:" + port + "/doc/" + doc);
            Thread.sleep(4000);
            for (int round = 0; round < 2; round++) { // round 0 warms the server's JIT
                @SuppressWarnings("unchecked")
                Map<String, Object> r = (Map<String, Object>) ((JavascriptExecutor) d).executeAsyncScript(SCRIPT, shape, attr);
                if (r.containsKey("error")) throw new IllegalStateException(String.valueOf(r.get("error")));
                if (System.getenv("DUET_BENCH_DEBUG") != null) System.out.println("debug: " + r.get("debug"));
                if (round == 0) continue;
                @SuppressWarnings("unchecked")
                List<Number> moves = (List<Number>) r.get("moves");
                double[] ms = moves.stream().mapToDouble(Number::doubleValue).filter(v -> v >= 0).sorted().toArray();
                long missed = moves.stream().filter(v -> v.doubleValue() < 0).count();
                System.out.printf(Locale.ROOT,
                        "%s latency %d ms: per move median %.1f ms, p95 %.1f ms (%d of 100 moves without an update within 1 s);"
                                + " pointer-down to first update %.0f ms; pointer-up to settled %.0f ms%n",
                        doc, latency, ms.length == 0 ? -1 : ms[ms.length / 2],
                        ms.length == 0 ? -1 : ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.95) - 1)],
                        missed, ((Number) r.get("first")).doubleValue(), ((Number) r.get("settle")).doubleValue());
            }
        } finally {
            d.quit();
            p.destroy();
        }
    }
}
