package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The server is killed (SIGKILL) at a random moment while a person types steadily, without pauses (a key every
 * 50 ms, faster than the pane's debounce): the document on disk is always exactly one of the texts the pane showed,
 * never torn or empty, and no older than the text the pane showed one second before the kill; after a restart the
 * editor opens that text and the work goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashSafetyIT {
    static final int ROUNDS = 3;
    /** One key every KEY_MS, without pauses (as steady as Selenium allows). */
    static final long KEY_MS = 50;
    /** The promise: what is on disk is at most this far behind what the pane shows. */
    static final long MAX_BEHIND_MS = 1000;

    static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    DuetServer server;
    Browser browser;

    @RegisterExtension
    final TestWatcher failures = E2e.failureArtifacts(() -> browser);

    @BeforeAll
    void start() {
        server = DuetServer.start("CrashSafetyIT");
        browser = Browser.open(E2e.testDir("CrashSafetyIT", "downloads"));
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test
    void killingTheServerWhileTypingLosesAtMostTheLastSecondAndNeverTearsTheDocument() throws Exception {
        browser.openEditor(server.url());
        String before = browser.docName();
        browser.menu("menu-document", "menu-new");
        browser.until("the new document to open", b -> !b.docName().equals(before));
        String doc = browser.docName();
        // each keystroke makes a new, valid program: a letter more in the text's string
        String initial = "; typing, then a crash\n(svg [(text 20 40 'x')])\n";
        browser.replaceProgram(initial);
        browser.waitForGoodRun();
        browser.until("the program to be saved", b -> server.readDocument(doc).equals(initial));
        Set<String> otherFiles = nonDocumentFiles(doc);
        // fresh moments every run (replay a run with -Dduet.crash.seed=N, N as printed)
        long base = Long.getLong("duet.crash.seed", System.nanoTime());

        for (int round = 1; round <= ROUNDS; round++) {
            String start = server.readDocument(doc);
            assertThat(browser.code()).isEqualTo(start);
            int at = start.lastIndexOf("')])");
            String prefix = start.substring(0, at), suffix = start.substring(at);
            browser.caretAt(at);
            browser.recordPane();

            long seed = base + round;
            Random random = new Random(seed);
            // the kill comes at a random moment 1.5 to 4 s into the typing, whatever the pane or the disk do
            long killAfter = 1500 + random.nextInt(2500);
            AtomicLong killedAt = new AtomicLong();
            long t0 = System.currentTimeMillis();
            Thread killer = new Thread(
                    () -> {
                        try {
                            Thread.sleep(killAfter);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        killedAt.set(System.currentTimeMillis());
                        server.kill9();
                    },
                    "killer");
            killer.start();

            // typing without pauses, until a little after the kill
            StringBuilder typed = new StringBuilder();
            for (int i = 0; ; i++) {
                long wait = t0 + i * KEY_MS - System.currentTimeMillis();
                if (wait > 0) Thread.sleep(wait);
                long k = killedAt.get();
                if (k != 0 && System.currentTimeMillis() > k + 300) break;
                assertThat(i)
                        .as("keys typed (the killer should have struck long ago)")
                        .isLessThan(2000);
                char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
                browser.type(String.valueOf(c));
                typed.append(c);
            }
            killer.join(30_000);
            assertThat(killedAt.get()).as("the server was killed while typing").isNotZero();
            long killed = killedAt.get();
            String expected = prefix + typed + suffix;
            browser.until("every key typed to be in the pane", b -> b.code().equals(expected));
            List<Browser.Shown> log = browser.paneLog();
            List<String> texts = log.stream().map(Browser.Shown::text).collect(Collectors.toList());

            String onDisk = Files.readString(server.document(doc), StandardCharsets.UTF_8);
            assertThat(onDisk).as("round %d: the document after SIGKILL", round).isNotEmpty();
            int index = texts.lastIndexOf(onDisk);
            assertThat(index)
                    .as("round %d: the document after SIGKILL must be a text the pane showed, not «%s»", round, onDisk)
                    .isGreaterThanOrEqualTo(0);
            // the text the pane showed MAX_BEHIND_MS before the kill: the disk holds it or a later one
            int due = 0;
            for (int i = 0; i < log.size(); i++) if (log.get(i).at() <= killed - MAX_BEHIND_MS) due = i;
            // how long the pane had shown a newer text than the disk's when the server died
            long behind = index + 1 < log.size()
                    ? Math.max(0, killed - log.get(index + 1).at())
                    : 0;
            assertThat(index)
                    .as(
                            "round %d (seed %d): the disk held text #%d of %d shown, %d ms behind the pane at the "
                                    + "kill (%d keys typed in %d ms); the pane showed text #%d %d ms before the kill",
                            round,
                            seed - round,
                            index,
                            log.size(),
                            behind,
                            typed.length(),
                            killed - t0,
                            due,
                            MAX_BEHIND_MS)
                    .isGreaterThanOrEqualTo(due);
            assertThat(onDisk).as("round %d: at least one save happened", round).isNotEqualTo(start);
            assertThat(nonDocumentFiles(doc))
                    .as("no other visible files appear")
                    .isEqualTo(otherFiles);
            System.out.printf(
                    "CrashSafetyIT round %d (seed %d): killed %d ms into the typing, %d keys typed, %d texts "
                            + "shown; the file holds text #%d, %d ms behind the pane%n",
                    round, seed - round, killed - t0, typed.length(), log.size(), index, behind);

            // start again on the same workspace: the editor opens that very text, and the work goes on
            server.start();
            browser.openEditor(server.url());
            browser.waitForGoodRun();
            assertThat(browser.docName()).isEqualTo(doc);
            assertThat(browser.code()).isEqualTo(onDisk);
        }
    }

    /**
     * Keystrokes not yet sent when the page is left (a reload, a closed tab) are sent as it goes. The pane's own
     * timers are set far off here, so that only the sending on leaving can save them.
     */
    @Test
    void leavingThePageRightAfterTypingSendsTheLastKeystrokes() {
        if (!server.isRunning()) server.start();
        browser.openEditor(server.url());
        String before = browser.docName();
        browser.menu("menu-document", "menu-new");
        browser.until("the new document to open", b -> !b.docName().equals(before));
        String doc = browser.docName();
        String initial = "; typing, then a reload\n(svg [(text 20 40 'x')])\n";
        browser.replaceProgram(initial);
        browser.waitForGoodRun();
        browser.until("the program to be saved", b -> server.readDocument(doc).equals(initial));
        for (int round = 1; round <= 3; round++) {
            String start = browser.code();
            browser.js("arguments[0].debounceMs = 60000; arguments[0].maxWaitMs = 60000", browser.byId("code"));
            browser.caretAt(start.lastIndexOf("')])"));
            browser.type("r" + round);
            String typed = browser.code();
            assertThat(typed).isNotEqualTo(start);
            browser.driver.navigate().refresh();
            browser.waitForEditor();
            assertThat(server.readDocument(doc))
                    .as("round %d: the file after the reload", round)
                    .isEqualTo(typed);
            assertThat(browser.code()).isEqualTo(typed);
        }
    }

    /** Visible files of the workspace other than the document (hidden temporary files may remain). */
    private Set<String> nonDocumentFiles(String doc) throws IOException {
        try (Stream<Path> s = Files.list(server.workspace())) {
            List<String> names = s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            return names.stream()
                    .filter(n -> !n.startsWith(".") && !n.equals(doc + ".little"))
                    .collect(Collectors.toSet());
        }
    }
}
