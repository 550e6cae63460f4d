package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Programs that try to run script in the page: markup in strings is shown as text, script URLs and event handlers
 * are refused with a clear message, and nothing ever runs ({@code window.__pwned} stays undefined, no alert).
 */
class XssIT extends BrowserTest {
    @BeforeEach
    void freshPage() {
        browser.openEditor(server.url());
        browser.waitForEditor();
    }

    @AfterEach
    void nothingRan() {
        assertNothingRan();
    }

    private void assertNothingRan() {
        assertThat(browser.noAlertOpen()).as("no alert is open").isTrue();
        assertThat(browser.js("return typeof window.__pwned"))
                .as("window.__pwned")
                .isEqualTo("undefined");
    }

    /** The drawing's elements that must never be there. */
    private long dangerousElements() {
        return (Long)
                browser.js(
                        "return document.querySelectorAll('duet-canvas script, duet-canvas img, "
                                + "duet-canvas iframe, duet-canvas foreignObject, duet-canvas a, duet-canvas [onclick], "
                                + "duet-canvas [onerror], duet-canvas [onload]').length + document.querySelectorAll('body img[src=x]').length");
    }

    /** Types the program; the drawing shows the string as text. */
    private void textIsShownAsText(String string) {
        String program = "(svg [(rect 'white' 0 0 400 100) (text 20 40 '" + string + "')])";
        browser.replaceProgram(program);
        browser.waitForGoodRun();
        String shown = browser.until("the text in the drawing", b -> {
            Object t = b.js("const e = document.querySelector('duet-canvas .duet-stage > svg text');"
                    + " return e ? e.textContent.trim() : null"); // (the writer puts the text on a line of its own)
            return string.equals(t) ? (String) t : null;
        });
        assertThat(shown).isEqualTo(string);
        // a text node, not markup
        assertThat((Long) browser.js(
                        "return document.querySelector('duet-canvas .duet-stage > svg text').childElementCount"))
                .isZero();
        assertThat(dangerousElements()).isZero();
        // (give a script or an image's error handler every chance to run: one more round trip to the server)
        browser.replaceInCode("400", "401");
        browser.waitForSvg("the next drawing", s -> "401".equals(browser.svgAttr("rect", "width")));
        assertNothingRan();
    }

    /** Types the program; the status line says why it is refused; nothing of it reaches the page. */
    private String isRefused(String program, String messagePart) {
        browser.replaceProgram(program);
        String status = browser.waitForStatus(
                "a refusal mentioning «" + messagePart + "»", s -> s.startsWith("Line ") && s.contains(messagePart));
        assertThat(status).matches("Line \\d+, column \\d+: .*").contains(messagePart);
        assertThat(browser.byId("status").getAttribute("class")).contains("duet-error");
        browser.until("the drawing to be dimmed", Browser::dimmed);
        assertThat(dangerousElements()).isZero();
        assertNothingRan();
        return status;
    }

    @Test
    void scriptMarkupInAStringIsShownAsText() {
        textIsShownAsText("<script>window.__pwned=1;alert(1)</script>");
    }

    @Test
    void imageMarkupInAStringIsShownAsText() {
        textIsShownAsText("<img src=x onerror=\"window.__pwned=1;alert(2)\">");
    }

    @Test
    void otherMarkupInStringsIsShownAsText() {
        textIsShownAsText("]]><svg onload=\"window.__pwned=1\"/>&amp;&lt;");
        textIsShownAsText("</text></svg><iframe src=\"javascript:window.__pwned=1\"></iframe>");
    }

    @Test
    void javascriptUrlsAreRefused() {
        isRefused(
                "(svg [['a' [['href' 'javascript:window.__pwned=1']] [(rect 'red' 0 0 50 50)]]])",
                "'a' is not allowed");
        isRefused("(svg [['use' [['href' 'javascript:window.__pwned=1']] []]])", "script URL");
        isRefused("(svg [['use' [['xlink:href' ' JaVaScRiPt:window.__pwned=1']] []]])", "script URL");
        isRefused(
                "(svg [(addAttr (rect 'red' 0 0 50 50) ['style' 'fill: url(javascript:window.__pwned=1)'])])",
                "script URL");
        isRefused("(svg [['script' [] [(text 0 0 'window.__pwned=1')]]])", "script");
    }

    @Test
    void eventHandlerAttributesAreRefused() {
        // a good drawing first: clicking where the rect would be must not run anything afterwards either
        browser.replaceProgram("(svg [(rect 'blue' 0 0 300 300)])");
        browser.waitForGoodRun();
        browser.waitForSvg("the blue rect", s -> s.contains("blue"));

        isRefused(
                "(svg [['rect' [['x' 0] ['y' 0] ['width' 300] ['height' 300] ['fill' 'blue'] "
                        + "['onclick' 'window.__pwned=1;alert(3)']] []]])",
                "event-handler");
        isRefused("(svg [(addAttr (rect 'blue' 0 0 300 300) ['onmouseover' 'window.__pwned=1'])])", "event-handler");
        isRefused("(svg [(addAttr (rect 'blue' 0 0 300 300) ['ONLOAD' 'window.__pwned=1'])])", "event-handler");

        WebElement shape = browser.driver.findElement(By.cssSelector("duet-canvas .duet-stage > svg rect"));
        new Actions(browser.driver).moveToElement(shape).click().perform();
        assertNothingRan();
    }

    @Test
    void markupInDocumentNamesAndAddressesStaysText() throws Exception {
        // an uploaded file whose name is markup
        Path dir = E2e.testDir("XssIT", "upload");
        Path file = dir.resolve("<img src=x onerror=window.__pwned=1>.little");
        Files.writeString(file, "(svg [(circle 'orange' 50 50 40)])", StandardCharsets.UTF_8);
        browser.upload(file);
        browser.until("the upload to open", b -> b.docName().contains("img src"));
        browser.waitForGoodRun();
        assertThat(browser.docName()).doesNotContain("<").doesNotContain(">");
        assertThat(dangerousElements()).isZero();
        assertNothingRan();

        // an address naming markup
        browser.driver.get(server.url("doc/%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E"));
        browser.waitForEditor();
        browser.waitForStatus("a refusal", s -> !s.isEmpty());
        assertThat((Long) browser.js("return document.querySelectorAll('#status *, #doc-name *').length"))
                .isZero();
        assertThat(dangerousElements()).isZero();
        assertNothingRan();
    }
}
