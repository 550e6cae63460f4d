package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The editor as a person uses it: the welcome drawing, examples, editing, errors, undo/redo, reload, restart, help. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorIT extends BrowserTest {
    /** A new, blank document (Document → New) with its first drawing shown; returns its name. */
    private String newDocument() {
        String before = browser.docName();
        browser.menu("menu-document", "menu-new");
        browser.until(
                "the new document to open",
                b -> !b.docName().equals(before) && b.docName().startsWith("untitled"));
        browser.waitForGoodRun();
        assertThat(browser.code())
                .as("a new document is an empty blob list for the drawing tools")
                .startsWith(";")
                .endsWith("\n(blobs [\n])\n");
        return browser.docName();
    }

    /** A program with one rect, 160 × 100. */
    static final String RECT =
            "; A rect.\n(def [x y w h] [60 60 160 100])\n\n(svg [\n  (rect 'lightskyblue' x y w h)\n])\n";

    /** A new document (Document → New) holding {@link #RECT}, opened afresh (its history starts there). */
    private String rectDocument() {
        String doc = newDocument();
        server.writeDocument(doc, RECT);
        browser.openEditor(server.url("doc/" + doc.replace(" ", "%20")));
        browser.waitForGoodRun();
        assertThat(browser.code()).isEqualTo(RECT);
        browser.waitForSvg("the rect", s -> s.contains("<rect"));
        return browser.docName();
    }

    @Test
    @Order(1)
    void freshWorkspaceShowsWelcomeDocumentAndDrawing() throws IOException {
        browser.openEditor(server.url());
        browser.waitForGoodRun();
        assertThat(browser.driver.getCurrentUrl()).isEqualTo(server.url("doc/welcome"));
        assertThat(browser.docName()).isEqualTo("welcome");
        String svg = browser.waitForSvg("a drawing with shapes", s -> s.startsWith("<svg") && s.contains("<"));
        Long shapes = (Long) browser.js("return document.querySelectorAll('duet-canvas .duet-stage > svg *').length");
        assertThat(shapes).isPositive();
        assertThat(browser.info()).matches("\\d+ shapes? · \\d+ ms · saved");
        assertThat(svg).contains("xmlns");
        // the document is a file in the workspace, holding the pane's text
        assertThat(Files.readString(server.document("welcome"), StandardCharsets.UTF_8))
                .isEqualTo(browser.code());
        assertThat(browser.code()).isNotBlank();
    }

    @Test
    @Order(2)
    void openAnExampleFromTheGallery() throws IOException {
        browser.openEditor(server.url());
        browser.menu("menu-document", "menu-examples");
        browser.waitDialogOpen("examples-dialog");
        WebElement card = browser.until("the basicShapes card", b -> {
            var es = b.driver.findElements(By.cssSelector(".duet-example[data-example='basicShapes']"));
            return es.isEmpty() || !es.get(0).isDisplayed() ? null : es.get(0);
        });
        // the cards show thumbnails of the drawings
        assertThat(card.findElement(By.cssSelector("img")).getAttribute("src")).startsWith("data:image/svg+xml");
        browser.click("the basicShapes card", () -> card);
        browser.waitDialogClosed("examples-dialog");
        browser.until("the example to open", b -> b.docName().equals("basicShapes"));
        browser.waitForGoodRun();
        String expected = Files.readString(
                DuetServer.projectDir().resolve("little-lang/examples/basicShapes.little"), StandardCharsets.UTF_8);
        assertThat(browser.code()).isEqualTo(expected);
        String svg = browser.waitForSvg("the example's drawing", s -> s.contains("tomato") && s.contains("ellipse"));
        assertThat(svg).contains("<polyline").contains("<polygon").contains("rect + rgba circle");
        assertThat(browser.info()).matches("[1-9]\\d* shapes · .*");
        assertThat(server.document("basicShapes")).exists();
        browser.screenshot(Path.of("/tmp/e2e-editor-basicShapes.png"));

        // a second example, for a second look at the editor
        browser.menu("menu-document", "menu-examples");
        browser.waitDialogOpen("examples-dialog");
        WebElement spiral = browser.until("the sunflowerSpiral card", b -> {
            var es = b.driver.findElements(By.cssSelector(".duet-example[data-example='sunflowerSpiral']"));
            return es.isEmpty() || !es.get(0).isDisplayed() ? null : es.get(0);
        });
        browser.click("the sunflowerSpiral card", () -> spiral);
        browser.until("the example to open", b -> b.docName().equals("sunflowerSpiral"));
        browser.waitForGoodRun();
        browser.waitForSvg("the spiral", s -> s.contains("<circle"));
        browser.screenshot(Path.of("/tmp/e2e-editor-sunflowerSpiral.png"));
    }

    @Test
    @Order(3)
    void editingANumberChangesTheDrawing() {
        browser.openEditor(server.url());
        String doc = rectDocument();
        assertThat(browser.code()).contains("[60 60 160 100]");
        assertThat(browser.svgAttr("rect", "width")).isEqualTo("160");
        browser.replaceInCode("160", "250");
        browser.waitForSvg("the rect 250 wide", s -> "250".equals(browser.svgAttr("rect", "width")));
        assertThat(browser.svgAttr("rect", "height")).isEqualTo("100");
        browser.waitForGoodRun();
        // saved as typed
        browser.until("the file to be saved", b -> server.readDocument(doc).contains("[60 60 250 100]"));
        assertThat(server.readDocument(doc)).isEqualTo(browser.code());

        // typing into the middle of a number, digit by digit
        browser.caretAt(browser.code().indexOf("100]") + 3);
        browser.type(Keys.BACK_SPACE, "5");
        browser.waitForSvg("the rect 105 high", s -> "105".equals(browser.svgAttr("rect", "height")));
    }

    @Test
    @Order(4)
    void aSyntaxErrorIsShownAtItsLineAndGoesAwayWhenFixed() {
        browser.openEditor(server.url());
        newDocument();
        String good = "(def w 120)\n(svg [\n(rect 'red' 10 10 w 50)\n])\n";
        browser.replaceProgram(good);
        browser.waitForGoodRun();
        browser.waitForSvg("the red rect", s -> "120".equals(browser.svgAttr("rect", "width")));
        String drawing = browser.svg();

        browser.replaceInCode("50)", "@)");
        String status = browser.waitForStatus("an error at line 3", s -> s.startsWith("Line 3, column 21: "));
        assertThat(status).contains("unexpected '@'");
        assertThat(browser.byId("status").getAttribute("class")).contains("duet-error");
        browser.until("an error mark on line 3", b -> b.errorMarkLines().contains(3L));
        assertThat(browser.errorMarkLines()).containsOnly(3L);
        browser.until("the drawing to be dimmed", Browser::dimmed);
        // the last good drawing stays
        assertThat(browser.svg()).isEqualTo(drawing);
        assertThat(browser.info()).isEqualTo("saved");
        browser.screenshot(Path.of("/tmp/e2e-editor-error.png"));

        browser.replaceInCode("@)", "70)");
        browser.waitForGoodRun();
        browser.until("the error mark to go", b -> b.errorMarkLines().isEmpty());
        browser.until("the dimming to go", b -> !b.dimmed());
        browser.waitForSvg("the rect 70 high", s -> "70".equals(browser.svgAttr("rect", "height")));

        // an error found when running (not parsing), on line 2
        browser.replaceInCode("(svg [", "(svg [(nosuchfunction 1)");
        browser.waitForStatus("an error at line 2", s -> s.startsWith("Line 2, "));
        browser.until("an error mark on line 2", b -> b.errorMarkLines().contains(2L));
        browser.until("the drawing to be dimmed", Browser::dimmed);
        browser.replaceInCode("(nosuchfunction 1)", "");
        browser.waitForGoodRun();
        browser.until("the error mark to go", b -> b.errorMarkLines().isEmpty());
        browser.until("the dimming to go", b -> !b.dimmed());
    }

    @Test
    @Order(4)
    void anUnclosedBracketIsMarkedWhereItOpensAndClickingTheStatusGoesThere() {
        browser.openEditor(server.url());
        newDocument();
        // the rect is not closed: the next definition, at the margin, is where the writer meant it to end
        browser.replaceProgram("(def w 120)\n(def box\n[(rect 'red' 10 10 w 50)])\n(def h 7)\n(svg box)\n");
        browser.waitForGoodRun();
        browser.replaceInCode("50)])", "50"); // (the pane closes brackets as they are typed, so they are deleted)
        String program = "(def w 120)\n(def box\n[(rect 'red' 10 10 w 50\n(def h 7)\n(svg box)\n";
        browser.until("the brackets to be gone", b -> b.code().equals(program));
        String status = browser.waitForStatus("the unclosed bracket", s -> s.startsWith("Line 3, column 2: "));
        assertThat(status).contains("this '(' is never closed");
        browser.until("an error mark on line 3", b -> b.errorMarkLines().contains(3L));
        assertThat(browser.errorMarkLines()).containsOnly(3L);
        browser.caretAt(0);
        browser.byId("status").click();
        int bracket = program.indexOf("(rect");
        browser.until(
                "the caret at the bracket",
                b -> ((Number) b.js("return arguments[0].view.state.selection.main.head", b.byId("code"))).intValue()
                        == bracket);
        assertThat(browser.codeFocused()).isTrue();
    }

    @Test
    @Order(5)
    void undoAndRedoWithTheButtonsAndTheKeys() {
        browser.openEditor(server.url());
        String doc = rectDocument();
        String a = browser.code();
        assertThat(browser.toolbarEnabled("undo")).isFalse();

        browser.replaceInCode("160", "300");
        String b = browser.code();
        browser.waitForSvg("width 300", s -> "300".equals(browser.svgAttr("rect", "width")));
        browser.until("undo to be enabled", x -> x.toolbarEnabled("undo"));

        browser.clickToolbar("undo");
        browser.until("the pane to show the text before", x -> x.code().equals(a));
        browser.waitForSvg("width 160 again", s -> "160".equals(browser.svgAttr("rect", "width")));
        browser.until(
                "the file to hold the text before",
                x -> server.readDocument(doc).equals(a));

        browser.clickToolbar("redo");
        browser.until("the pane to show the text after", x -> x.code().equals(b));
        browser.waitForSvg("width 300 again", s -> "300".equals(browser.svgAttr("rect", "width")));
        browser.until("redo to be disabled", x -> !x.toolbarEnabled("redo"));

        // a second step (typing after a redo is a step of its own)
        browser.replaceInCode("300", "333");
        String c = browser.code();
        browser.waitForSvg("width 333", s -> "333".equals(browser.svgAttr("rect", "width")));
        browser.until(
                "the file to hold the newest text",
                x -> server.readDocument(doc).equals(c));

        // the keys, in the pane: Ctrl+Z steps back once (not twice)
        browser.focusCode();
        browser.ctrl("z");
        browser.until("Ctrl+Z to restore the text before", x -> x.code().equals(b));
        browser.waitForSvg("width 300 after Ctrl+Z", s -> "300".equals(browser.svgAttr("rect", "width")));
        browser.waitForGoodRun();
        assertThat(browser.code()).as("one Ctrl+Z is one step").isEqualTo(b);

        browser.ctrlShift("z");
        browser.until("Ctrl+Shift+Z to restore the text after", x -> x.code().equals(c));
        browser.waitForSvg("width 333 after Ctrl+Shift+Z", s -> "333".equals(browser.svgAttr("rect", "width")));
        browser.waitForGoodRun();
        assertThat(browser.code()).isEqualTo(c);

        browser.ctrl("z");
        browser.until("Ctrl+Z to restore the text before", x -> x.code().equals(b));
        browser.ctrl("y");
        browser.until("Ctrl+Y to redo", x -> x.code().equals(c));
        browser.until(
                "the file to hold the newest text",
                x -> server.readDocument(doc).equals(c));

        // the same keys outside the pane (after a click on the status line or the canvas): the document's history,
        // one step each, never the browser's own undo of the pane's keystrokes
        browser.clickId("status-info");
        assertThat(browser.codeFocused()).isFalse();
        browser.ctrl("z");
        browser.until("Ctrl+Z outside the pane to undo", x -> x.code().equals(b));
        browser.waitForSvg("width 300", s -> "300".equals(browser.svgAttr("rect", "width")));
        browser.ctrl("z");
        browser.until(
                "a second Ctrl+Z outside the pane to undo again", x -> x.code().equals(a));
        browser.waitForSvg("width 160", s -> "160".equals(browser.svgAttr("rect", "width")));
        new Actions(browser.driver)
                .moveToElement(browser.byId("canvas"), -300, -200)
                .click()
                .perform();
        assertThat(browser.codeFocused()).isFalse();
        browser.ctrlShift("z");
        browser.until("Ctrl+Shift+Z on the canvas to redo", x -> x.code().equals(b));
        browser.ctrlShift("z");
        browser.until("Ctrl+Shift+Z on the canvas to redo again", x -> x.code().equals(c));
        browser.waitForSvg("width 333", s -> "333".equals(browser.svgAttr("rect", "width")));
        browser.waitForGoodRun();
        assertThat(browser.code()).isEqualTo(c);
        browser.until(
                "the file to hold the newest text",
                x -> server.readDocument(doc).equals(c));
        // and with the focus on the toolbar (after clicking undo there)
        browser.clickToolbar("undo");
        browser.until("the undo button to undo", x -> x.code().equals(b));
        browser.ctrlShift("z");
        browser.until("Ctrl+Shift+Z on the toolbar to redo", x -> x.code().equals(c));
        browser.waitForGoodRun();
        assertThat(browser.code()).isEqualTo(c);
    }

    @Test
    @Order(6)
    void reloadingThePageFindsTheWork() {
        browser.openEditor(server.url());
        String doc = rectDocument();
        browser.replaceInCode("160", "222");
        browser.waitForSvg("width 222", s -> "222".equals(browser.svgAttr("rect", "width")));
        String text = browser.code();
        browser.until("the file to be saved", x -> server.readDocument(doc).equals(text));

        browser.driver.navigate().refresh();
        browser.waitForEditor();
        browser.waitForGoodRun();
        assertThat(browser.docName()).isEqualTo(doc);
        assertThat(browser.code()).isEqualTo(text);
        browser.waitForSvg("width 222", s -> "222".equals(browser.svgAttr("rect", "width")));

        // the root address reopens the document last worked on
        browser.openEditor(server.url());
        assertThat(browser.docName()).isEqualTo(doc);
        assertThat(browser.code()).isEqualTo(text);
    }

    @Test
    @Order(7)
    void restartingTheServerFindsTheWork() {
        browser.openEditor(server.url());
        String doc = rectDocument();
        browser.replaceInCode("160", "199");
        browser.waitForSvg("width 199", s -> "199".equals(browser.svgAttr("rect", "width")));
        String text = browser.code();
        browser.until("the file to be saved", x -> server.readDocument(doc).equals(text));

        server.restart();
        browser.openEditor(server.url());
        browser.waitForGoodRun();
        assertThat(browser.docName()).isEqualTo(doc);
        assertThat(browser.code()).isEqualTo(text);
        browser.waitForSvg("width 199", s -> "199".equals(browser.svgAttr("rect", "width")));
        // and the work can go on
        browser.replaceInCode("199", "211");
        browser.waitForSvg("width 211", s -> "211".equals(browser.svgAttr("rect", "width")));
        browser.until("the file to be saved", x -> server.readDocument(doc).contains("211"));
    }

    @Test
    @Order(8)
    void theHelpDialogOpensWithQuestionMarkAndListsShortcuts() {
        browser.openEditor(server.url());
        // a key press outside the code pane and outside any field
        browser.clickId("status-info");
        browser.type("?");
        browser.waitDialogOpen("help-dialog");
        String text = browser.until("the help text", b -> {
            var es = b.driver.findElements(By.cssSelector(".duet-shortcuts"));
            return es.isEmpty() || es.get(0).getText().isEmpty()
                    ? null
                    : es.get(0).getText();
        });
        assertThat(text).contains("Ctrl+Z", "Undo", "Ctrl+Shift+Z", "Redo", "Ctrl+Enter", "Fit", "?");
        long keys = (Long) browser.js("return document.querySelectorAll('.duet-shortcuts .duet-key').length");
        assertThat(keys).isGreaterThanOrEqualTo(8);
        browser.type(Keys.ESCAPE);
        browser.waitDialogClosed("help-dialog");

        // typing '?' in the code pane types it, it does not open the help
        browser.focusCode();
        browser.caretAt(0);
        browser.type("?");
        browser.until("the ? in the pane", b -> b.code().startsWith("?"));
        assertThat(browser.dialogOpen("help-dialog")).isFalse();
        browser.type(Keys.BACK_SPACE);
        browser.until("the ? to go", b -> !b.code().startsWith("?"));

        // and the ? button opens it too
        browser.clickId("help");
        browser.waitDialogOpen("help-dialog");
        browser.type(Keys.ESCAPE);
        browser.waitDialogClosed("help-dialog");
    }
}
