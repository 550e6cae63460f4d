package org.duet.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Keys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One session's slow program never delays another session. Two browsers (two Vaadin sessions) on one server:
 * session A edits a program that evaluates for about a second (a doubly recursive Fibonacci, just under the
 * 10-million-step limit); while A's run is in progress, session B types into its code pane and drags a shape. B's
 * round trips (keystroke → its canvas updated; pointer-up → the server's drawing of the drag) must stay close to its
 * round trips while A is idle, B's update must arrive before A's result (with evaluation on a shared lock or a
 * single thread B's run would wait for A's), and A's result must still arrive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionIsolationIT {
    /** fib 28 takes ~9.4 million of the 10 million steps a run may take: about a second here. */
    static final String SLOW = "; a slow program: about a second of evaluation, within the step limit\n"
            + "(defrec fib (\\n (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))\n"
            + "(def w 50)\n(svg [(rect 'tomato' 10 10 (+ w (* 0 (fib 28))) 50)])\n";
    static final String QUICK = "; a quick program\n(def w 100)\n(svg [(rect 'lightskyblue' 40 40 w 60)])\n";
    /** B's edit starts this long after A's keystroke: A's change has been sent (90 ms) and its run is under way. */
    static final long B_AFTER_A_MS = 300;
    static final int ROUNDS = 4;

    DuetServer server;
    Browser a, b;

    @RegisterExtension
    final TestWatcher failuresA = E2e.failureArtifacts(() -> a);

    @RegisterExtension
    final TestWatcher failuresB = E2e.failureArtifacts(() -> b);

    @BeforeAll void start() {
        server = DuetServer.start("SessionIsolationIT");
        server.writeDocument("slow", SLOW);
        server.writeDocument("quick", QUICK);
        a = Browser.open(E2e.testDir("SessionIsolationIT", "a"));
        b = Browser.open(E2e.testDir("SessionIsolationIT", "b"));
        server.signIn(a.driver);
        server.signIn(b.driver);
    }

    @AfterAll void stop() {
        if (a != null) a.close();
        if (b != null) b.close();
        if (server != null) server.close();
    }

    // ------------------------------------------------------------------------------------------------ in the page

    /**
     * Arms a watch on the drawing: the first keydown in the page (capture phase) and the first change of the rect's
     * attribute after it are timed; the moment of the change is also kept on the epoch clock (performance.timeOrigin
     * + now), which both browsers share on this machine.
     */
    static final String ARM = String.join("\n",
            "const attr = arguments[0];",
            "const canvas = document.querySelector('duet-canvas');",
            "const stage = canvas.querySelector('.duet-stage');",
            "const get = () => { const e = canvas.querySelector('.duet-stage > svg rect'); return e ? e.getAttribute(attr) : null; };",
            "const w = {v0: get(), t0: null, t1: null, at: null, v1: null};",
            "window.__duetWatch = w;",
            "window.addEventListener('keydown', () => { if (w.t0 === null) w.t0 = performance.now(); }, {capture: true, once: true});",
            "const obs = new MutationObserver(() => {",
            "  const v = get();",
            "  if (w.t1 === null && v !== null && v !== w.v0) { w.t1 = performance.now(); w.at = performance.timeOrigin + w.t1; w.v1 = v; obs.disconnect(); }",
            "});",
            "obs.observe(stage, {childList: true, subtree: true, attributes: true});",
            "return w.v0;");

    static final String WATCHED = "const w = window.__duetWatch;"
            + " return w && w.t1 !== null && w.t0 !== null ? [w.t1 - w.t0, w.at, w.v1] : null";

    /** Hovers the rect until the server has sent its zones and the prediction of its drag (before the press). */
    static final String HOVER = String.join("\n",
            "const done = arguments[arguments.length - 1];",
            "const canvas = document.querySelector('duet-canvas');",
            "const sleep = ms => new Promise(r => setTimeout(r, ms));",
            "(async () => {",
            "  await sleep(300);",
            "  const el = canvas.querySelector('.duet-stage > svg rect');",
            "  const shape = Number(el.getAttribute('data-duet-i'));",
            "  const b = el.getBoundingClientRect();",
            "  const x = b.left + Math.min(b.width / 2, 20), y = b.top + Math.min(b.height / 2, 20);",
            "  const target = document.elementFromPoint(x, y);",
            "  const fire = (type, px, py) => target.dispatchEvent(new PointerEvent(type, {clientX: px, clientY: py,",
            "      pointerId: 7, pointerType: 'mouse', button: 0, buttons: 0, bubbles: true, composed: true}));",
            "  fire('pointermove', x - 1, y); fire('pointermove', x, y);",
            "  for (let i = 0; i < 300 && !(canvas.zoneTable && canvas.zoneTable.has(shape)",
            "      && [...canvas.predictions.keys()].some(k => k.startsWith(shape + '/'))); i++) await sleep(50);",
            "  done(canvas.zoneTable && canvas.zoneTable.has(shape));",
            "})().catch(e => done('error: ' + e));");

    /**
     * Drags the (hovered) rect: pointer down, 10 moves of 2 px on successive frames, pointer up; then waits for the
     * server's drawing of the result (the canvas's svg replaced). Returns [pointer-up → server's drawing in ms,
     * its epoch time, the rect's x before, after].
     */
    static final String DRAG = String.join("\n",
            "const done = arguments[arguments.length - 1];",
            "const canvas = document.querySelector('duet-canvas');",
            "const vp = canvas.querySelector('.duet-viewport');",
            "const frame = () => new Promise(r => requestAnimationFrame(() => r()));",
            "const sleep = ms => new Promise(r => setTimeout(r, ms));",
            "(async () => {",
            "  const el = canvas.querySelector('.duet-stage > svg rect');",
            "  const x0 = el.getAttribute('x');",
            "  const b = el.getBoundingClientRect();",
            "  let x = b.left + Math.min(b.width / 2, 20), y = b.top + Math.min(b.height / 2, 20);",
            "  const target = document.elementFromPoint(x, y);",
            "  const fire = (type, on) => (on || vp).dispatchEvent(new PointerEvent(type, {clientX: x, clientY: y,",
            "      pointerId: 7, pointerType: 'mouse', button: 0, buttons: type === 'pointerup' ? 0 : 1, bubbles: true,",
            "      composed: true}));",
            "  const svg0 = canvas.querySelector('.duet-stage > svg');",
            "  fire('pointerdown', target);",
            "  for (let i = 0; i < 10; i++) { x += 2; fire('pointermove'); await frame(); }",
            "  const tUp = performance.now();",
            "  fire('pointerup');",
            "  while (canvas.querySelector('.duet-stage > svg') === svg0 && performance.now() - tUp < 30000) await sleep(5);",
            "  const t1 = performance.now();",
            "  const e2 = canvas.querySelector('.duet-stage > svg rect');",
            "  done([t1 - tUp, performance.timeOrigin + t1, x0, e2 ? e2.getAttribute('x') : null]);",
            "})().catch(e => done('error: ' + e));");

    // ------------------------------------------------------------------------------------------------ helpers

    /** A change seen on a canvas: the round trip (ms) and when it happened (epoch ms). */
    record Seen(double ms, double at, String value) {}

    private static void arm(Browser br, String attr) { br.js(ARM, attr); }

    @SuppressWarnings("unchecked")
    private static Seen seen(Browser br, String what) {
        List<Object> r = br.until(what, Duration.ofSeconds(60), x -> (List<Object>) x.js(WATCHED));
        return new Seen(((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue(), String.valueOf(r.get(2)));
    }

    /** Replaces the last digit of {@code w}'s number with the next digit (Backspace, digit): the width changes. */
    static void editWidth(Browser br) {
        String code = br.code();
        int at = code.indexOf("(def w ") + "(def w ".length();
        while (Character.isDigit(code.charAt(at))) at++;
        br.caretAt(at);
        char next = (char) ('0' + (code.charAt(at - 1) - '0' + 1) % 10);
        br.type(Keys.BACK_SPACE, String.valueOf(next));
    }

    @SuppressWarnings("unchecked")
    private static Seen drag(Browser br) {
        hover(br);
        return dragHovered(br);
    }

    private static void hover(Browser br) {
        Object hovered = br.driver.executeAsyncScript(HOVER);
        assertThat(hovered).as("the rect's zones reached the page").isEqualTo(Boolean.TRUE);
    }

    @SuppressWarnings("unchecked")
    private static Seen dragHovered(Browser br) {
        List<Object> r = (List<Object>) br.driver.executeAsyncScript(DRAG);
        assertThat(r.get(3)).as("the drag moved the rect").isNotEqualTo(r.get(2));
        assertThat(((Number) r.get(0)).doubleValue()).as("the server's drawing of the drag arrived").isLessThan(30000);
        return new Seen(((Number) r.get(0)).doubleValue(), ((Number) r.get(1)).doubleValue(), String.valueOf(r.get(3)));
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static String ms(List<Double> xs) {
        return xs.stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).reduce((p, q) -> p + " " + q).orElse("") + " ms";
    }

    /** Starts A's slow run (a keystroke in A's pane); returns after B_AFTER_A_MS, its run under way. */
    private void startSlowRun() throws InterruptedException {
        arm(a, "width");
        editWidth(a);
        Thread.sleep(B_AFTER_A_MS);
    }

    // ------------------------------------------------------------------------------------------------ the test

    @Test void aSlowProgramInOneSessionDoesNotDelayAnother() throws Exception {
        a.openEditor(server.url("doc/slow"));
        b.openEditor(server.url("doc/quick"));
        a.waitForGoodRun();
        b.waitForGoodRun();
        assertThat(a.code()).isEqualTo(SLOW);
        assertThat(b.code()).isEqualTo(QUICK);

        // warm-up: one slow run of A and a few of B's edits and a drag, so that the JIT has compiled both paths
        arm(a, "width");
        editWidth(a);
        Seen warmA = seen(a, "A's warm-up run");
        for (int i = 0; i < 3; i++) {
            arm(b, "width");
            editWidth(b);
            seen(b, "B's warm-up edit");
        }
        drag(b);

        // B alone: typing and dragging while A is idle
        List<Double> idleType = new ArrayList<>(), idleDrag = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            arm(b, "width");
            editWidth(b);
            idleType.add(seen(b, "B's edit, A idle").ms());
            idleDrag.add(drag(b).ms());
        }

        // B while A's slow program runs
        List<Double> busyType = new ArrayList<>(), busyDrag = new ArrayList<>(), slowRuns = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            startSlowRun();
            arm(b, "width");
            editWidth(b);
            Seen bt = seen(b, "B's edit while A runs");
            Seen at = seen(a, "A's result (after B's edit)");
            assertThat(bt.at()).as("round %d: B's edit was shown (%.0f ms) before A's result (%.0f ms later than "
                    + "B's): B did not wait for A", i, bt.ms(), at.at() - bt.at()).isLessThan(at.at());
            busyType.add(bt.ms());
            slowRuns.add(at.ms());
            assertThat(at.value()).as("A's result arrived with its new width").isNotEqualTo("null");

            a.until("A's run to be reported", x -> x.status().isEmpty() && x.info().matches("\\d+ shapes? · .*saved"));
            hover(b); // B's zones are in the page before A's next run starts
            startSlowRun();
            Seen bd = dragHovered(b);
            Seen ad = seen(a, "A's result (after B's drag)");
            busyDrag.add(bd.ms());
            slowRuns.add(ad.ms());
            assertThat(bd.at()).as("round %d: B's drag was drawn by the server (%.0f ms after pointer-up) before A's "
                    + "result", i, bd.ms()).isLessThan(ad.at());
            a.until("A's run to be reported", x -> x.status().isEmpty() && x.info().matches("\\d+ shapes? · .*saved"));
        }

        double it = median(idleType), bt = median(busyType), id = median(idleDrag), bd = median(busyDrag);
        System.out.printf(Locale.ROOT, "SessionIsolationIT: A's slow run (keystroke → A's canvas): warm-up %.0f ms, then %s;"
                        + " B typing (keystroke → B's canvas) idle %s (median %.0f), while A runs %s (median %.0f);"
                        + " B drag (pointer-up → server's drawing) idle %s (median %.0f), while A runs %s (median %.0f)%n",
                warmA.ms(), ms(slowRuns), ms(idleType), it, ms(busyType), bt, ms(idleDrag), id, ms(busyDrag), bd);

        // the test means something only if A's run outlasts B's edit by far
        assertThat(median(slowRuns)).as("A's slow program must run long enough to overlap B's edits")
                .isGreaterThan(B_AFTER_A_MS + 300);
        assertThat(bt).as("B's typing round trip while A runs (idle median %.0f ms)", it).isLessThan(3 * it + 500);
        assertThat(bd).as("B's drag round trip while A runs (idle median %.0f ms)", id).isLessThan(3 * id + 500);
        a.waitForGoodRun();
        b.waitForGoodRun();
        assertThat(server.readDocument("slow")).isEqualTo(a.code());
        assertThat(server.readDocument("quick")).isEqualTo(b.code());
    }
}
