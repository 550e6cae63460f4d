package org.duet.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's /usr/bin/chromium and /usr/bin/chromedriver, never a Selenium Manager download) and
 * what a person does in Duet's editor: type in the code pane, read it, watch the canvas and the status line, use the
 * menus and dialogs. Every wait is on a condition.
 */
public final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration WAIT = Duration.ofSeconds(20);

    static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-default-apps",
            "--disable-extensions",
            "--no-first-run",
            "--disable-quic",
            "--window-size=1400,900");

    public final ChromeDriver driver;
    private final ChromeDriverService service;
    private Path downloads;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path downloads) {
        this.driver = driver;
        this.service = service;
        this.downloads = downloads;
    }

    /** Opens a browser whose downloads go to {@code downloads}. Fails (never skips) if Chromium is missing. */
    public static Browser open(Path downloads) {
        if (!Files.isExecutable(Path.of(CHROMIUM)))
            throw new AssertionError(
                    CHROMIUM + " is missing: install it with apt-get install -y chromium chromium-driver");
        if (!Files.isExecutable(Path.of(CHROMEDRIVER)))
            throw new AssertionError(CHROMEDRIVER + " is missing: install it with apt-get install -y chromium-driver");
        try {
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(FLAGS);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("download.directory_upgrade", true);
        prefs.put("safebrowsing.enabled", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Browser b = new Browser(driver, service, downloads);
        b.downloadTo(downloads);
        return b;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // already gone
        }
        service.stop();
    }

    // ------------------------------------------------------------------------------------------------ basics

    public WebDriverWait waiting() {
        return waiting(WAIT);
    }

    public WebDriverWait waiting(Duration d) {
        WebDriverWait w = new WebDriverWait(driver, d, Duration.ofMillis(50));
        w.ignoring(StaleElementReferenceException.class);
        return w;
    }

    public <T> T until(String what, Function<Browser, T> condition) {
        return until(what, WAIT, condition);
    }

    public <T> T until(String what, Duration timeout, Function<Browser, T> condition) {
        try {
            return waiting(timeout).withMessage(what).until(d -> condition.apply(this));
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "Timed out waiting for: " + what + "\n  status: «" + safe(this::status)
                            + "»\n  info: «" + safe(this::info) + "»\n  url: " + safe(driver::getCurrentUrl)
                            + "\n  code: «" + safe(this::code) + "»",
                    e);
        }
    }

    private static String safe(Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return "(" + e.getClass().getSimpleName() + ")";
        }
    }

    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public boolean visible(By by) {
        List<WebElement> es = driver.findElements(by);
        for (WebElement e : es) {
            try {
                if (e.isDisplayed()) return true;
            } catch (StaleElementReferenceException ignored) {
                // gone
            }
        }
        return false;
    }

    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clicks an element once it takes clicks (an overlay that is still animating may intercept the first tries). */
    public void click(String what, Supplier<WebElement> element) {
        until(what + " to take a click", b -> {
            try {
                element.get().click();
                return true;
            } catch (ElementNotInteractableException e) {
                return false;
            }
        });
    }

    public void clickId(String id) {
        click("#" + id, () -> byId(id));
    }

    /** True if no alert (or confirm, prompt) is open. */
    public boolean noAlertOpen() {
        try {
            driver.switchTo().alert();
            return false;
        } catch (NoAlertPresentException e) {
            return true;
        }
    }

    // ------------------------------------------------------------------------------------------------ editor

    /** Opens a page of the app and waits until the editor shows a document and its first run is done. */
    public void openEditor(String url) {
        driver.get(url);
        waitForEditor();
    }

    /** Waits until the code pane is up and the program has run (the status line says so, or shows an error). */
    public void waitForEditor() {
        until(
                "the editor to load",
                b -> b.present(By.cssSelector("duet-canvas .duet-stage"))
                        && b.js("const c = document.getElementById('code');"
                                        + "return !!(c && c.shadowRoot && c.shadowRoot.querySelector('.cm-content'))")
                                .equals(Boolean.TRUE)
                        && (!b.info().isEmpty() || !b.status().isEmpty()));
    }

    /** CodeMirror's editable element inside the code pane's shadow root. */
    public WebElement codeContent() {
        SearchContext shadow = byId("code").getShadowRoot();
        return shadow.findElement(By.cssSelector(".cm-content"));
    }

    public SearchContext codeShadow() {
        return byId("code").getShadowRoot();
    }

    /** The text in the code pane (what CodeMirror holds). */
    public String code() {
        return (String) js("return arguments[0].text", byId("code"));
    }

    /** Clicks into the code pane (puts the caret where the click lands). */
    public void focusCode() {
        // (a closing dialog's overlay may still take the first click)
        until("the code pane to have the focus", b -> {
            if (b.codeFocused()) return true;
            new Actions(driver).click(b.codeContent()).perform();
            return b.codeFocused();
        });
    }

    public boolean codeFocused() {
        return Boolean.TRUE.equals(
                js("const c = document.getElementById('code'); return c.shadowRoot.activeElement != null"
                        + " && c.shadowRoot.activeElement.classList.contains('cm-content')"));
    }

    /** Types keys where the focus is (no re-focusing, so the caret stays where it is). */
    public void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Selects all of the program (Ctrl+A in the pane) and types a new one in its place. */
    public void replaceProgram(String text) {
        focusCode();
        new Actions(driver)
                .keyDown(Keys.CONTROL)
                .sendKeys("a")
                .keyUp(Keys.CONTROL)
                .perform();
        type(Keys.DELETE);
        until("the pane to be empty", b -> b.code().isEmpty());
        type(text);
        until("the pane to hold the typed program", b -> b.code().equals(text));
    }

    /** Puts the caret at an offset of the program, as a click there would. */
    public void caretAt(int offset) {
        js("arguments[0].reveal(arguments[1])", byId("code"), offset);
        until("the caret to be placed", Browser::codeFocused);
    }

    /** Selects the first occurrence of {@code old} (from {@code from}) with Shift+arrows and types a replacement. */
    public void replaceInCode(String old, String replacement) {
        replaceInCode(old, replacement, 0);
    }

    public void replaceInCode(String old, String replacement, int from) {
        String before = code();
        int at = before.indexOf(old, from);
        if (at < 0) throw new AssertionError("«" + old + "» is not in the program:\n" + before);
        caretAt(at);
        Actions a = new Actions(driver).keyDown(Keys.SHIFT);
        for (int i = 0; i < old.length(); i++) a.sendKeys(Keys.ARROW_RIGHT);
        a.keyUp(Keys.SHIFT)
                .sendKeys(replacement.isEmpty() ? Keys.DELETE : replacement)
                .perform();
        String expected = before.substring(0, at) + replacement + before.substring(at + old.length());
        until("the pane to show the edit", b -> b.code().equals(expected));
    }

    /** Ctrl+key (or Ctrl+Shift+key) where the focus is. */
    public void ctrl(String key) {
        new Actions(driver)
                .keyDown(Keys.CONTROL)
                .sendKeys(key)
                .keyUp(Keys.CONTROL)
                .perform();
    }

    public void ctrlShift(String key) {
        new Actions(driver)
                .keyDown(Keys.CONTROL)
                .keyDown(Keys.SHIFT)
                .sendKeys(key)
                .keyUp(Keys.SHIFT)
                .keyUp(Keys.CONTROL)
                .perform();
    }

    /** The drawing: the root svg's markup, or "" if there is none. */
    public String svg() {
        Object o = js("const s = document.querySelector('duet-canvas .duet-stage > svg'); return s ? s.outerHTML : ''");
        return o == null ? "" : (String) o;
    }

    /** Waits until the drawing differs from {@code before}; returns the new markup. */
    public String waitForSvgChange(String before) {
        return until("the drawing to change", b -> {
            String now = b.svg();
            return !now.isEmpty() && !now.equals(before) ? now : null;
        });
    }

    /** Waits until the drawing satisfies a condition on its markup. */
    public String waitForSvg(String what, Predicate<String> p) {
        return until("the drawing: " + what, b -> {
            String now = b.svg();
            return p.test(now) ? now : null;
        });
    }

    /** The value of an attribute of the first element matching a CSS selector in the drawing, or null. */
    public String svgAttr(String selector, String attribute) {
        return (String) js(
                "const e = document.querySelector('duet-canvas .duet-stage > svg ' + arguments[0]);"
                        + " return e ? e.getAttribute(arguments[1]) : null",
                selector,
                attribute);
    }

    public String status() {
        return byId("status").getText();
    }

    public String info() {
        return byId("status-info").getText();
    }

    public String waitForStatus(String what, Predicate<String> p) {
        return until("the status line: " + what, b -> {
            String s = b.status();
            return p.test(s) ? s : null;
        });
    }

    /** Waits until the program ran without error (empty status line, "N shapes · … · saved"). */
    public void waitForGoodRun() {
        until("a run without error", b -> b.status().isEmpty() && b.info().matches("\\d+ shapes? · .*saved"));
    }

    public boolean dimmed() {
        return present(By.cssSelector("duet-canvas .duet-viewport.duet-dimmed"));
    }

    /** Error marks in the code pane: the marked texts' line numbers (1-based). */
    @SuppressWarnings("unchecked")
    public List<Long> errorMarkLines() {
        return (List<Long>) js("const c = document.getElementById('code'); const v = c.view;"
                + "const marks = [...c.shadowRoot.querySelectorAll('.cm-lintRange-error')];"
                + "return marks.map(m => v.state.doc.lineAt(v.posAtDOM(m)).number);");
    }

    public String docName() {
        return byId("doc-name").getText();
    }

    // ------------------------------------------------------------------------------------------------ recording

    /** A text the code pane showed, and from when (the browser's clock: ms since the epoch, as the test's own). */
    public record Shown(long at, String text) {}

    /**
     * Starts recording, in the page, every text the code pane shows, with the moment it appeared (a mutation
     * observer on the pane: the text is read as CodeMirror puts it on the screen), and the moment each dialog with
     * an id first opened. Read with {@link #paneLog()} and {@link #dialogOpenedAt(String)}; a new page starts a new
     * recording.
     */
    public void recordPane() {
        js("const c = document.getElementById('code');"
                + "const log = window.__duetPaneLog = [[Date.now(), c.text]];"
                + "const opened = window.__duetOpened = {};"
                + "const note = () => { const t = c.text; if (t !== log[log.length - 1][1]) log.push([Date.now(), t]); };"
                + "const dialogs = () => { for (const d of document.querySelectorAll('vaadin-dialog'))"
                + "  if (d.opened && d.id && !(d.id in opened)) opened[d.id] = Date.now(); };"
                + "if (window.__duetRecorders) window.__duetRecorders.forEach(r => r.disconnect());"
                + "const a = new MutationObserver(() => { note(); dialogs(); });"
                + "a.observe(c.shadowRoot, {childList: true, subtree: true, characterData: true});"
                + "const b = new MutationObserver(dialogs);"
                + "b.observe(document.body, {childList: true, subtree: true, attributes: true});"
                + "window.__duetRecorders = [a, b];"
                + "if (window.__duetDialogPoll) clearInterval(window.__duetDialogPoll);"
                + "window.__duetDialogPoll = setInterval(() => { note(); dialogs(); }, 5);");
    }

    /** The texts the code pane showed since {@link #recordPane()}, oldest first (the first: the text then). */
    @SuppressWarnings("unchecked")
    public List<Shown> paneLog() {
        List<List<Object>> raw = (List<List<Object>>) js("return window.__duetPaneLog || null");
        if (raw == null) throw new AssertionError("the code pane is not being recorded (recordPane first)");
        return raw.stream()
                .map(e -> new Shown(((Number) e.get(0)).longValue(), (String) e.get(1)))
                .collect(Collectors.toList());
    }

    /** When the dialog with this id first opened since {@link #recordPane()} (ms since the epoch), or null. */
    public Long dialogOpenedAt(String id) {
        Object o = js("const o = window.__duetOpened; return o && (arguments[0] in o) ? o[arguments[0]] : null", id);
        return o == null ? null : ((Number) o).longValue();
    }

    // ------------------------------------------------------------------------------------------------ menus, dialogs

    /** Opens a top-level menu (e.g. "menu-document") and clicks an item of it (e.g. "menu-new"). */
    public void menu(String menuId, String itemId) {
        clickId(menuId);
        WebElement item = until("the menu item #" + itemId, b -> {
            List<WebElement> es = b.driver.findElements(By.id(itemId));
            return es.isEmpty() || !es.get(0).isDisplayed() ? null : es.get(0);
        });
        click("the menu item #" + itemId, () -> item);
    }

    /** Clicks the toolbar's undo or redo button, waiting until it is enabled. */
    public void clickToolbar(String id) {
        WebElement e = until("#" + id + " to be enabled", b -> {
            WebElement x = b.byId(id);
            return x.getAttribute("disabled") == null ? x : null;
        });
        click("#" + id, () -> e);
    }

    public boolean toolbarEnabled(String id) {
        return byId(id).getAttribute("disabled") == null;
    }

    /** Waits for an element with this id to be shown (dialogs are in overlays, still in the light DOM). */
    public WebElement waitVisible(String id) {
        return until("#" + id + " to be shown", b -> {
            List<WebElement> es = b.driver.findElements(By.id(id));
            return !es.isEmpty() && es.get(0).isDisplayed() ? es.get(0) : null;
        });
    }

    public void waitGone(String id) {
        until("#" + id + " to close", b -> !b.visible(By.id(id)));
    }

    /** Whether a Vaadin dialog with this id is open. */
    public boolean dialogOpen(String id) {
        return Boolean.TRUE.equals(js("const d = document.getElementById(arguments[0]); return !!(d && d.opened)", id));
    }

    /** Uploads a file as a person does: Document → Upload, then the file chosen in the upload's file input. */
    public void upload(Path file) {
        menu("menu-document", "menu-upload");
        waitDialogOpen("upload-dialog");
        WebElement upload = waitVisible("upload");
        WebElement input = until("the upload's file input", b -> {
            List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
            if (!light.isEmpty()) return light.get(0);
            List<WebElement> shadow = upload.getShadowRoot().findElements(By.cssSelector("input[type=file]"));
            return shadow.isEmpty() ? null : shadow.get(0);
        });
        input.sendKeys(file.toAbsolutePath().toString());
    }

    public void waitDialogOpen(String id) {
        until("dialog #" + id + " to open", b -> b.dialogOpen(id));
    }

    public void waitDialogClosed(String id) {
        until("dialog #" + id + " to close", b -> !b.dialogOpen(id));
    }

    /** Sets a Vaadin text field's value by typing into its input (select all, then type). */
    public void typeInField(String fieldId, String value) {
        WebElement input = until("the input of #" + fieldId, b -> {
            List<WebElement> es = b.driver.findElements(By.cssSelector("#" + fieldId + " input"));
            return es.isEmpty() || !es.get(0).isDisplayed() ? null : es.get(0);
        });
        click("the input of #" + fieldId, () -> input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        if (!value.isEmpty()) input.sendKeys(value);
    }

    /** A Vaadin field's error message (shown when it is invalid), or "" if it is valid. */
    public String fieldError(String fieldId) {
        return (String) js(
                "const f = document.getElementById(arguments[0]);"
                        + "return f && f.invalid ? (f.errorMessage || '') : ''",
                fieldId);
    }

    // ------------------------------------------------------------------------------------------------ downloads

    /** Sends later downloads to this folder (Chrome's download behaviour, set through the DevTools protocol). */
    public void downloadTo(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        downloads = dir.toAbsolutePath();
        driver.executeCdpCommand(
                "Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", false));
    }

    public Path downloads() {
        return downloads;
    }

    /** The completed files in the download folder. */
    public Set<Path> downloadedFiles() {
        try (Stream<Path> s = Files.list(downloads)) {
            return s.filter(p -> !p.getFileName().toString().endsWith(".crdownload")
                            && !p.getFileName().toString().startsWith("."))
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs an action that downloads one file; waits until it is complete (no .crdownload, size steady). */
    public Path download(String what, Runnable action) {
        Set<Path> before = downloadedFiles();
        action.run();
        long[] lastSize = {-1};
        return until("the download of " + what + " in " + downloads, Duration.ofSeconds(30), b -> {
            try (Stream<Path> s = Files.list(downloads)) {
                List<Path> all = s.collect(Collectors.toList());
                if (all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"))) return null;
                List<Path> fresh = all.stream()
                        .filter(p -> !before.contains(p)
                                && !p.getFileName().toString().startsWith("."))
                        .collect(Collectors.toList());
                if (fresh.size() != 1) return null;
                long size = Files.size(fresh.get(0));
                if (size > 0 && size == lastSize[0]) return fresh.get(0);
                lastSize[0] = size;
                return null;
            } catch (IOException e) {
                return null;
            }
        });
    }
}
