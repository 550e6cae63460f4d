package org.duet.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server is killed (SIGKILL) while a person types: the document on disk is always exactly one of the texts the
 * pane showed, never torn or empty; and after a restart the editor opens that text and the work goes on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashSafetyIT {
    static final int ROUNDS = 3;
    static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    DuetServer server;
    Browser browser;

    @RegisterExtension
    final TestWatcher failures = E2e.failureArtifacts(() -> browser);

    @BeforeAll void start() {
        server = DuetServer.start("CrashSafetyIT");
        browser = Browser.open(E2e.testDir("CrashSafetyIT", "downloads"));
    }

    @AfterAll void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }

    @Test void killingTheServerWhileTypingNeverLeavesATornDocument() throws Exception {
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

        for (int round = 1; round <= ROUNDS; round++) {
            String start = server.readDocument(doc);
            assertThat(browser.code()).isEqualTo(start);
            Set<String> shown = new LinkedHashSet<>();
            shown.add(start);

            Random random = new Random(1000L * round + 7);
            Random killerRandom = new Random(1000L * round + 8);
            AtomicBoolean killed = new AtomicBoolean();
            int[] savesBeforeKill = {0};
            // the killer: once saving has visibly begun, wait a little more, then SIGKILL
            Thread killer = new Thread(() -> {
                long deadline = System.currentTimeMillis() + 20_000;
                String last = start;
                int changes = 0;
                int wanted = 1 + killerRandom.nextInt(4);
                try {
                    while (changes < wanted && System.currentTimeMillis() < deadline) {
                        String now = read(server.document(doc));
                        if (now != null && !now.equals(last)) {
                            changes++;
                            last = now;
                        }
                        Thread.sleep(5);
                    }
                    Thread.sleep(killerRandom.nextInt(400));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                savesBeforeKill[0] = changes;
                server.kill9();
                killed.set(true);
            }, "killer");

            browser.caretAt(browser.code().lastIndexOf("')])"));
            String prefix = browser.code().substring(0, browser.code().lastIndexOf("')])"));
            killer.start();
            int afterKill = 0;
            StringBuilder typed = new StringBuilder();
            for (int i = 0; i < 400 && afterKill < 6; i++) {
                char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
                browser.type(String.valueOf(c));
                typed.append(c);
                String now = browser.code();
                assertThat(now).isEqualTo(prefix + typed + "')])\n");
                shown.add(now);
                if (killed.get()) afterKill++;
                // a person's rhythm: bursts and pauses around the pane's 90 ms debounce
                int pause = random.nextInt(10) < 6 ? random.nextInt(40) : 90 + random.nextInt(120);
                Thread.sleep(pause);
            }
            killer.join(30_000);
            assertThat(killed.get()).as("the server was killed while typing").isTrue();

            String onDisk = Files.readString(server.document(doc), StandardCharsets.UTF_8);
            assertThat(onDisk).as("round %d: the document after SIGKILL", round).isNotEmpty();
            assertThat(shown).as("round %d: the document after SIGKILL (%d saves seen before the kill) must be a text "
                    + "the pane showed", round, savesBeforeKill[0]).contains(onDisk);
            assertThat(onDisk).as("round %d: at least one save happened", round).isNotEqualTo(start);
            assertThat(nonDocumentFiles(doc)).as("no other visible files appear").isEqualTo(otherFiles);
            System.out.printf("CrashSafetyIT round %d: %d texts shown, %d saves seen before the kill, the file holds "
                    + "text #%d of them%n", round, shown.size(), savesBeforeKill[0], List.copyOf(shown).indexOf(onDisk));

            // start again on the same workspace: the editor opens that very text, and the work goes on
            server.start();
            browser.openEditor(server.url());
            browser.waitForGoodRun();
            assertThat(browser.docName()).isEqualTo(doc);
            assertThat(browser.code()).isEqualTo(onDisk);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    /** Visible files of the workspace other than the document (hidden temporary files may remain). */
    private Set<String> nonDocumentFiles(String doc) throws IOException {
        try (Stream<Path> s = Files.list(server.workspace())) {
            List<String> names = s.map(p -> p.getFileName().toString()).collect(Collectors.toList());
            return names.stream().filter(n -> !n.startsWith(".") && !n.equals(doc + ".little"))
                    .collect(Collectors.toSet());
        }
    }
}
