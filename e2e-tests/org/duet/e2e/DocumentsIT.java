package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;

/** Documents: new, rename (and names that must be refused), duplicate, delete and undo, upload, two windows. */
class DocumentsIT extends BrowserTest {
    @BeforeEach
    void freshPage() {
        browser.openEditor(server.url());
    }

    /** The documents in the workspace: the names of its *.little files. */
    private Set<String> documents() throws IOException {
        try (Stream<Path> s = Files.list(server.workspace())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".little") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ".little".length()))
                    .collect(Collectors.toSet());
        }
    }

    /** Document → New: an empty drawing. */
    private String blankDocument() {
        String before = browser.docName();
        browser.menu("menu-document", "menu-new");
        browser.until(
                "the new document to open",
                b -> !b.docName().equals(before) && b.docName().startsWith("untitled"));
        browser.waitForGoodRun();
        return browser.docName();
    }

    /** A program with one rect 160 wide, typed into a new document. */
    static final String RECT = "(def [x y w h] [60 60 160 100])\n(svg [(rect 'lightskyblue' x y w h)])\n";

    /** A new document into which {@link #RECT} was typed (and saved). */
    private String newDocument() {
        String doc = blankDocument();
        browser.replaceProgram(RECT);
        browser.waitForGoodRun();
        browser.until(
                "the typed program to be saved", b -> server.readDocument(doc).equals(RECT));
        return doc;
    }

    private void openNameDialogFromTheTitle() {
        browser.clickId("doc-name");
        browser.waitVisible("name-field");
    }

    @Test
    void newDocumentIsAFileWithABlankDrawing() throws IOException {
        String doc = blankDocument();
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(server.url("doc/" + doc.replace(" ", "%20")));
        assertThat(server.document(doc)).exists();
        assertThat(server.readDocument(doc)).isEqualTo(browser.code());
        // an empty list of blobs, for the drawing tools to add to
        assertThat(browser.code()).endsWith("\n(blobs [\n])\n");
        browser.waitForSvg("the empty drawing", s -> s.startsWith("<svg") && !s.contains("data-duet-i"));
        assertThat(browser.driver.getTitle()).contains(doc);
    }

    @Test
    void renameFromTheTitle() throws IOException {
        String doc = newDocument();
        browser.replaceInCode("160", "170");
        String text = browser.code();
        browser.until("the edit to be saved", b -> server.readDocument(doc).equals(text));

        openNameDialogFromTheTitle();
        assertThat((String) browser.js("return document.getElementById('name-field').value"))
                .isEqualTo(doc);
        browser.typeInField("name-field", "My drawing (v2)");
        browser.clickId("name-ok");
        browser.until("the renamed document to open", b -> b.docName().equals("My drawing (v2)"));
        browser.waitForEditor();
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(server.url("doc/My%20drawing%20(v2)"));
        assertThat(browser.code()).isEqualTo(text);
        assertThat(server.document("My drawing (v2)")).exists();
        assertThat(server.document(doc)).doesNotExist();
        assertThat(server.readDocument("My drawing (v2)")).isEqualTo(text);

        // and editing goes on in the renamed file
        browser.replaceInCode("170", "180");
        String after = browser.code();
        browser.until(
                "the edit to be saved",
                b -> server.readDocument("My drawing (v2)").equals(after));
        assertThat(server.document(doc)).doesNotExist();
    }

    @Test
    void unsafeNamesAreRefusedWithAClearMessage() throws IOException {
        String doc = newDocument();
        Set<String> before = documents();
        Path outside = server.workspace().getParent();
        boolean xExisted = Files.exists(outside.resolve("x.little"));

        openNameDialogFromTheTitle();
        String[][] cases = {
            {"../x", "dot"},
            {"/etc/passwd", "not “/”"},
            {"a/../../x", "not “/”"},
            {"", "needs a name"},
            {"   ", "needs a name"},
            {"a".repeat(200), "too long"},
            {"con<script>", "not “<”"},
        };
        for (String[] c : cases) {
            browser.typeInField("name-field", c[0]);
            browser.clickId("name-ok");
            String msg = browser.until("a message containing «" + c[1] + "» for the name «" + c[0] + "»", b -> {
                String m = b.fieldError("name-field");
                return m.contains(c[1]) ? m : null;
            });
            // the message is shown to the person, not only set
            WebElement shown = browser.until("the message to be visible", b -> {
                List<WebElement> es = b.driver.findElements(By.cssSelector("#name-field [slot='error-message']"));
                return es.isEmpty()
                                || !es.get(0).isDisplayed()
                                || es.get(0).getText().isEmpty()
                        ? null
                        : es.get(0);
            });
            browser.until(
                    "the message shown to be «" + msg + "»",
                    b -> shown.getText().equals(msg));
            assertThat(browser.visible(By.id("name-field")))
                    .as("the dialog stays open")
                    .isTrue();
            assertThat(browser.docName()).isEqualTo(doc);
        }
        browser.type(org.openqa.selenium.Keys.ESCAPE);
        browser.until("the name dialog to close", b -> !b.visible(By.id("name-field")));

        assertThat(documents()).isEqualTo(before);
        assertThat(Files.exists(outside.resolve("x.little"))).isEqualTo(xExisted);
        assertThat(Path.of("/etc/passwd.little")).doesNotExist();
        assertThat(server.document(doc)).exists();

        // names in the address are checked too: nothing outside the workspace is read or written
        for (String path : List.of("doc/..%2F..%2F..%2Fetc%2Fpasswd", "doc/..%2Fx", "doc/%2E%2E")) {
            browser.driver.get(server.url(path));
            // either the server refuses the address, or the editor says there is no such document
            if (browser.present(By.id("code"))) {
                browser.waitForEditor();
                browser.waitForStatus("a refusal for " + path, s -> !s.isEmpty());
                assertThat(browser.byId("status").getAttribute("class")).contains("duet-error");
                assertThat(browser.code()).doesNotContain("root:");
            }
            assertThat(browser.driver.getPageSource()).doesNotContain("root:x:0");
        }
        assertThat(documents()).isEqualTo(before);
        assertThat(Files.exists(outside.resolve("x.little"))).isEqualTo(xExisted);
    }

    @Test
    void openFromTheDocumentsDialog() {
        String first = newDocument();
        browser.replaceInCode("160", "164");
        String text = browser.code();
        browser.until("the edit to be saved", b -> server.readDocument(first).equals(text));
        String second = newDocument();
        assertThat(second).isNotEqualTo(first);

        // Alt+O (outside the code pane) opens the list of documents
        browser.clickId("status-info");
        new Actions(browser.driver)
                .keyDown(Keys.ALT)
                .sendKeys("o")
                .keyUp(Keys.ALT)
                .perform();
        browser.waitDialogOpen("documents-dialog");
        WebElement cell = browser.until("the first document in the list", b -> {
            for (WebElement c : b.driver.findElements(By.cssSelector("#documents vaadin-grid-cell-content"))) {
                if (c.isDisplayed() && c.getText().equals(first)) return c;
            }
            return null;
        });
        new Actions(browser.driver).doubleClick(cell).perform();
        browser.waitDialogClosed("documents-dialog");
        browser.until("the document to open", b -> b.docName().equals(first));
        browser.waitForGoodRun();
        assertThat(browser.code()).isEqualTo(text);
        browser.waitForSvg("width 164", s -> "164".equals(browser.svgAttr("rect", "width")));
    }

    @Test
    void duplicate() {
        String doc = newDocument();
        browser.replaceInCode("160", "161");
        String text = browser.code();
        browser.until("the edit to be saved", b -> server.readDocument(doc).equals(text));

        browser.menu("menu-document", "menu-duplicate");
        browser.until("the copy to open", b -> b.docName().equals(doc + " copy"));
        browser.waitForGoodRun();
        assertThat(browser.code()).isEqualTo(text);
        assertThat(server.readDocument(doc + " copy")).isEqualTo(text);
        assertThat(server.readDocument(doc)).isEqualTo(text);

        // the copy is a document of its own
        browser.replaceInCode("161", "162");
        String copyText = browser.code();
        browser.until(
                "the copy's edit to be saved",
                b -> server.readDocument(doc + " copy").equals(copyText));
        assertThat(server.readDocument(doc)).isEqualTo(text);
    }

    @Test
    void deleteThenUndoFromTheNotification() throws IOException {
        String doc = newDocument();
        browser.replaceInCode("160", "163");
        String text = browser.code();
        browser.until("the edit to be saved", b -> server.readDocument(doc).equals(text));

        browser.menu("menu-document", "menu-delete");
        WebElement undo = browser.waitVisible("undo-delete");
        browser.until("the file to be gone", b -> !Files.exists(server.document(doc)));
        browser.until("another document to open", b -> !b.docName().equals(doc));
        assertThat(documents()).doesNotContain(doc);
        String notification =
                (String) browser.js("return document.getElementById('undo-delete').parentElement.textContent");
        assertThat(notification).contains("Deleted").contains(doc);

        browser.click("the notification's Undo", () -> undo);
        browser.until("the document to come back", b -> b.docName().equals(doc));
        browser.waitForGoodRun();
        assertThat(browser.code()).isEqualTo(text);
        assertThat(server.readDocument(doc)).isEqualTo(text);
    }

    @Test
    void uploadALittleFileOpensItAsANewDocument() throws IOException {
        Path dir = E2e.testDir("DocumentsIT", "upload");
        String program = "; uploaded\n(svg [(circle 'orange' 50 50 40)])\n";
        Path file = dir.resolve("my upload.little");
        Files.writeString(file, program, StandardCharsets.UTF_8);

        browser.upload(file);
        browser.until("the uploaded document to open", b -> b.docName().equals("my upload"));
        browser.waitForGoodRun();
        browser.waitDialogClosed("upload-dialog");
        assertThat(browser.code()).isEqualTo(program);
        assertThat(server.readDocument("my upload")).isEqualTo(program);
        browser.waitForSvg("the orange circle", s -> "40".equals(browser.svgAttr("circle", "r")));
    }

    @Test
    void twoWindowsOnOneDocument() {
        String doc = newDocument();
        String first = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.WINDOW);
        String second = browser.driver.getWindowHandle();
        try {
            browser.openEditor(server.url("doc/" + doc.replace(" ", "%20")));
            browser.waitForGoodRun();

            // the second window types: the first sees it (pushed), drawing and all
            browser.replaceInCode("160", "260");
            String fromSecond = browser.code();
            browser.until(
                    "the second window's edit to be saved",
                    b -> server.readDocument(doc).equals(fromSecond));
            browser.driver.switchTo().window(first);
            browser.until(
                    "the first window to show the second's text", b -> b.code().equals(fromSecond));
            browser.waitForSvg("width 260 in the first window", s -> "260".equals(browser.svgAttr("rect", "width")));

            // the first window types on top of it: saved, no conflict, and the second sees it
            browser.replaceInCode("[60 60", "[70 60");
            String fromFirst = browser.code();
            browser.until(
                    "the first window's edit to be saved",
                    b -> server.readDocument(doc).equals(fromFirst));
            assertThat(fromFirst).contains("260");
            assertThat(browser.dialogOpen("conflict-dialog")).isFalse();
            browser.driver.switchTo().window(second);
            browser.until(
                    "the second window to show the first's text", b -> b.code().equals(fromFirst));
            assertThat(browser.dialogOpen("conflict-dialog")).isFalse();

            // another program changes the file: the next edit here must not overwrite it
            String external = "; changed by another program\n(svg [(rect 'green' 0 0 50 50)])\n";
            server.writeDocument(doc, external);
            browser.replaceInCode("260", "261");
            String mine = browser.code();
            browser.waitDialogOpen("conflict-dialog");
            assertThat(server.readDocument(doc)).isEqualTo(external);
            browser.waitVisible("conflict-mine");
            browser.clickId("conflict-mine");
            browser.waitDialogClosed("conflict-dialog");
            browser.until("my text to open as a copy", b -> b.docName().equals(doc + " (mine)"));
            assertThat(browser.code()).isEqualTo(mine);
            assertThat(server.readDocument(doc + " (mine)")).isEqualTo(mine);
            assertThat(server.readDocument(doc)).isEqualTo(external);

            // the first window, still on the document, also refuses to overwrite the other program's text
            browser.driver.switchTo().window(first);
            browser.replaceInCode("[70 60", "[75 60");
            browser.waitDialogOpen("conflict-dialog");
            assertThat(server.readDocument(doc)).isEqualTo(external);
            browser.waitVisible("conflict-theirs");
            browser.clickId("conflict-theirs");
            browser.waitDialogClosed("conflict-dialog");
            browser.until("the other program's text to load", b -> b.code().equals(external));
            browser.waitForSvg("the green rect", s -> s.contains("green"));
            assertThat(server.readDocument(doc)).isEqualTo(external);
        } finally {
            browser.driver.switchTo().window(second).close();
            browser.driver.switchTo().window(first);
        }
    }
}
