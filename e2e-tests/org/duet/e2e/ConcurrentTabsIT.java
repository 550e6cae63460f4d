package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Two windows (two browsers, so truly at once) on one document type at the same time, steadily, each into its own
 * string of the program. No typed character may be lost: each window's characters end up, in order, in the document
 * or — for a window whose saves lost the race — in the copy its conflict dialog's "Keep mine as a copy" makes; and
 * no pane ever loses its own text, not even for a moment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentTabsIT {
    static final long KEY_MS = 50;
    static final int KEYS = 70;
    /** A window's keys that are not in its pane must have been typed after its conflict dialog opened (the dialog
     *  took the focus); this much earlier is allowed for the page's clock of that moment. */
    static final long DIALOG_SLACK_MS = 250;

    static final String PROGRAM = "; two windows type at once\n(svg [(text 20 40 'A') (text 20 80 'B')])\n";

    DuetServer server;
    Browser first, second;

    @RegisterExtension
    final TestWatcher failuresFirst = E2e.failureArtifacts(() -> first);

    @RegisterExtension
    final TestWatcher failuresSecond = E2e.failureArtifacts(() -> second);

    @BeforeAll
    void start() {
        server = DuetServer.start("ConcurrentTabsIT");
        first = Browser.open(E2e.testDir("ConcurrentTabsIT", "first"));
        second = Browser.open(E2e.testDir("ConcurrentTabsIT", "second"));
        server.signIn(second.driver); // the second window opens documents by their plain address
    }

    @AfterAll
    void stop() {
        if (first != null) first.close();
        if (second != null) second.close();
        if (server != null) server.close();
    }

    /** One window: the string it types into, the keys it may type (letters that are no shortcut anywhere). */
    record Window(String label, Browser browser, String marker, Pattern own, String alphabet) {
        String ownString(String program) {
            Matcher m = own.matcher(program);
            if (!m.find()) throw new AssertionError(label + ": its string is not in the program:\n" + program);
            return m.group(1);
        }
    }

    /** A key typed, and when the browser had taken it. */
    record Key(char c, long at) {}

    /** One window after the race: the keys it typed, those that reached its pane, and its own text if it lost. */
    record Outcome(Window window, List<Key> sent, String reachedPane, String mine) {
        boolean lost() {
            return mine != null;
        }

        String typed() {
            return sent.stream().map(k -> String.valueOf(k.c())).reduce("", String::concat);
        }
    }

    @Test
    void twoWindowsTypingAtOnceLoseNoCharacter() throws Exception {
        String doc = newDocument();
        List<Outcome> race = race(doc);
        String finalDoc = server.readDocument(doc);
        for (Outcome o : race) {
            Window w = o.window();
            if (o.lost()) {
                // the window that lost the race: "Keep mine as a copy" keeps its text exactly
                Browser br = w.browser();
                br.waitVisible("conflict-mine");
                br.clickId("conflict-mine");
                br.waitDialogClosed("conflict-dialog");
                String copy = br.until("the copy to open", x -> x.docName().equals(doc) ? null : x.docName());
                assertThat(copy).startsWith(doc + " (mine)");
                assertThat(server.readDocument(copy))
                        .as("%s: the copy of its text", w.label())
                        .isEqualTo(o.mine());
                assertThat(br.code()).isEqualTo(o.mine());
                System.out.printf(
                        "ConcurrentTabsIT: %s typed %d keys (%d reached the pane), lost the race and kept "
                                + "its text as «%s»; the document has %d of its keys%n",
                        w.label(),
                        o.sent().size(),
                        o.reachedPane().length(),
                        copy,
                        w.ownString(finalDoc).length() - 1);
            } else {
                System.out.printf(
                        "ConcurrentTabsIT: %s typed %d keys, all in the document%n",
                        w.label(), o.sent().size());
            }
        }
        assertThat(server.readDocument(doc))
                .as("the document, untouched by the copies")
                .isEqualTo(finalDoc);
    }

    /**
     * The window that lost the race loads the other version: it gets the latest one (with what the other window
     * typed while the dialog was open), and Undo brings its own text back, exactly.
     */
    @Test
    void theWindowThatLostTheRaceLoadsTheLatestVersionAndUndoBringsItsOwnTextBack() throws Exception {
        String doc = newDocument();
        List<Outcome> race = race(doc);
        List<Outcome> lost = race.stream().filter(Outcome::lost).toList();
        assertThat(lost)
                .as("two windows typing steadily at once: one loses the race")
                .hasSize(1);
        Outcome o = lost.get(0);
        Browser br = o.window().browser();
        String latest = server.readDocument(doc);
        br.waitVisible("conflict-theirs");
        br.clickId("conflict-theirs");
        br.waitDialogClosed("conflict-dialog");
        br.until("the latest version to be shown", x -> x.code().equals(latest));
        assertThat(server.readDocument(doc)).isEqualTo(latest);
        br.clickToolbar("undo");
        br.until("Undo to bring back its own text", x -> x.code().equals(o.mine()));
        br.until(
                "its text, chosen again, to be saved",
                x -> server.readDocument(doc).equals(o.mine()));
        Browser other = race.stream()
                .filter(x -> !x.lost())
                .findFirst()
                .orElseThrow()
                .window()
                .browser();
        other.until("the other window to show it", x -> x.code().equals(o.mine()));
        assertThat(other.dialogOpen("conflict-dialog")).isFalse();
        System.out.printf(
                "ConcurrentTabsIT: %s lost the race, loaded the latest version, and Undo brought back its "
                        + "%d keys%n",
                o.window().label(), o.reachedPane().length());
    }

    /** A new document with the program, open in both windows (the first made it). */
    private String newDocument() {
        first.openEditor(server.url());
        String before = first.docName();
        first.menu("menu-document", "menu-new");
        first.until("the new document to open", b -> !b.docName().equals(before));
        String doc = first.docName();
        first.replaceProgram(PROGRAM);
        first.waitForGoodRun();
        first.until("the program to be saved", b -> server.readDocument(doc).equals(PROGRAM));
        second.openEditor(server.url("doc/" + doc.replace(" ", "%20")));
        second.waitForGoodRun();
        assertThat(second.code()).isEqualTo(PROGRAM);
        return doc;
    }

    /**
     * Both windows type at once, steadily, each into its own string; then, settled, every window's keys must be in
     * its pane (those typed before its conflict dialog took the focus), never lost from it even for a moment, and
     * in the document, unless it lost the race: then its conflict dialog is open, its pane shows its own text, and
     * the document holds an older save of its own at most.
     */
    private List<Outcome> race(String doc) throws Exception {
        Window a = new Window("window A", first, "'A", Pattern.compile("\\(text 20 40 '([^']*)'\\)"), "acdijkmn");
        Window b = new Window("window B", second, "'B", Pattern.compile("\\(text 20 80 '([^']*)'\\)"), "oqsuwxyz");
        List<Window> windows = List.of(a, b);
        for (Window w : windows) {
            w.browser().caretAt(PROGRAM.indexOf(w.marker()) + w.marker().length());
            w.browser().recordPane();
        }

        // both type at once, steadily, until their keys are used up or their conflict dialog opens
        CyclicBarrier go = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Key>>> typing = new ArrayList<>();
        for (Window w : windows) typing.add(pool.submit(() -> type(w, go)));
        List<List<Key>> keys = new ArrayList<>();
        for (Future<List<Key>> f : typing) keys.add(f.get(120, TimeUnit.SECONDS));
        pool.shutdown();

        // settled: each window has either its conflict dialog open, or shows what is on disk
        first.until(
                "both windows to settle (a conflict dialog, or the document's text shown)",
                Duration.ofSeconds(30),
                x -> windows.stream()
                        .allMatch(w -> w.browser().dialogOpen("conflict-dialog")
                                || w.browser().code().equals(server.readDocument(doc))));

        String finalDoc = server.readDocument(doc);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            Browser br = w.browser();
            List<Key> sent = keys.get(i);
            String typed = sent.stream().map(k -> String.valueOf(k.c())).reduce("", String::concat);
            List<Browser.Shown> log = br.paneLog();

            // the pane never loses its own text: its string only grows, key by key, in the order typed
            String shownOwn = "";
            for (Browser.Shown s : log) {
                String own = w.ownString(s.text());
                assertThat(own)
                        .as("%s: its own string, shown at %d, after «%s»", w.label(), s.at(), shownOwn)
                        .startsWith(shownOwn);
                shownOwn = own;
            }
            String reachedPane = shownOwn.substring(1);
            assertThat(typed)
                    .as("%s: the keys typed, of which the pane shows «%s»", w.label(), reachedPane)
                    .startsWith(reachedPane);

            boolean conflict = br.dialogOpen("conflict-dialog");
            Long dialogAt = br.dialogOpenedAt("conflict-dialog");
            List<Key> missing = sent.subList(reachedPane.length(), sent.size());
            if (!missing.isEmpty()) {
                // keys that never reached the pane went to the conflict dialog, which had taken the focus
                assertThat(dialogAt)
                        .as(
                                "%s: %d keys typed never reached the pane, and no conflict dialog opened",
                                w.label(), missing.size())
                        .isNotNull();
                assertThat(missing.get(0).at())
                        .as(
                                "%s: the first key missing from the pane was typed before the "
                                        + "conflict dialog opened (at %d)",
                                w.label(), dialogAt)
                        .isGreaterThanOrEqualTo(dialogAt - DIALOG_SLACK_MS);
            }
            String mine = null;
            if (conflict) {
                // the window that lost the race: its pane still shows its own text, all of it
                mine = br.code();
                assertThat(w.ownString(mine))
                        .as("%s: the pane with the conflict dialog open", w.label())
                        .isEqualTo(shownOwn);
                String own = shownOwn;
                assertThat(own)
                        .as("%s: what of it is in the document (an older save of its own)", w.label())
                        .startsWith(w.ownString(finalDoc));
            } else {
                assertThat(missing)
                        .as("%s: keys missing from the pane without a conflict", w.label())
                        .isEmpty();
                assertThat(w.ownString(finalDoc))
                        .as("%s: every key typed is in the document, in order", w.label())
                        .isEqualTo(w.marker().substring(1) + typed);
            }
            out.add(new Outcome(w, sent, reachedPane, mine));
        }
        assertThat(out.stream().filter(Outcome::lost).count())
                .as("at most one window can lose the race for one document")
                .isLessThanOrEqualTo(1);
        return out;
    }

    /** Types a window's keys at a steady pace; stops early if its conflict dialog opens. */
    private static List<Key> type(Window w, CyclicBarrier go) throws Exception {
        List<Key> sent = new ArrayList<>();
        go.await(30, TimeUnit.SECONDS);
        long t0 = System.currentTimeMillis();
        for (int i = 0; i < KEYS; i++) {
            long wait = t0 + i * KEY_MS - System.currentTimeMillis();
            if (wait > 0) Thread.sleep(wait);
            if (w.browser().dialogOpen("conflict-dialog")) break;
            char c = w.alphabet().charAt(i % w.alphabet().length());
            w.browser().type(String.valueOf(c));
            sent.add(new Key(c, System.currentTimeMillis()));
        }
        return sent;
    }
}
