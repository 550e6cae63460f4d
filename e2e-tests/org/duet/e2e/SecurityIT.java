package org.duet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The access token, the Host and Origin checks, the security headers and the upload limit, against a real server:
 * raw HTTP requests without the token are refused on every kind of URL (page, Vaadin message, push, static file,
 * download) while the same requests with it go through (so each refusal is the token's doing, not a wrong URL);
 * Chromium opened on the printed URL gets the cookie, loses the token from its address bar and runs the editor
 * under the Content-Security-Policy without a single violation.
 */
class SecurityIT extends BrowserTest {
    static final String UIDL = "/?v-r=uidl&v-uiId=0";
    static final String UIDL_BODY = "{\"csrfToken\":\"x\",\"rpc\":[],\"syncId\":0,\"clientId\":0}";
    static final String PUSH = "/VAADIN/push?v-r=push&v-uiId=0&v-pushId=x&X-Atmosphere-tracking-id=0"
            + "&X-Atmosphere-Framework=3.1.5-javascript&X-Atmosphere-Transport=websocket"
            + "&X-Atmosphere-TrackMessageSize=true&X-atmo-protocol=true";
    static final String[] UPGRADE = {
        "Upgrade: websocket",
        "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Version: 13"
    };

    /** Watches for Content-Security-Policy violations from the very start of every page (Chrome DevTools). */
    static void recordCspViolations(Browser b) {
        b.driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push("
                                + "e.violatedDirective + ' blocked ' + e.blockedURI + ' ' + (e.sample || '')));"));
    }

    @SuppressWarnings("unchecked")
    static List<String> cspViolations(Browser b) {
        List<String> v = new ArrayList<>((List<String>) b.js("return window.__csp || ['(the recorder did not run)']"));
        try {
            for (LogEntry e : b.driver.manage().logs().get(LogType.BROWSER)) {
                if (e.getMessage().contains("Content Security Policy")) v.add("console: " + e.getMessage());
            }
        } catch (RuntimeException ignored) {
            // this driver keeps no console log: the page's own record above is the check
        }
        return v;
    }

    static String[] with(String[] a, String... more) {
        String[] r = new String[a.length + more.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(more, 0, r, a.length, more.length);
        return r;
    }

    private String sessionCookies() {
        return browser.driver.manage().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
    }

    private String jsessionOnly() {
        Cookie c = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertThat(c).as("the browser's session cookie").isNotNull();
        return "JSESSIONID=" + c.getValue();
    }

    /** The URL of the editor's SVG export (a Vaadin download) and of its main script bundle. */
    private String exportUrl() {
        browser.openEditor(server.url());
        browser.clickId("menu-export");
        WebElement a = browser.until("the SVG export link", b -> {
            List<WebElement> es = b.driver.findElements(By.cssSelector("a#export-svg"));
            return es.isEmpty() || es.get(0).getAttribute("href") == null ? null : es.get(0);
        });
        String href = a.getAttribute("href");
        new org.openqa.selenium.interactions.Actions(browser.driver)
                .sendKeys(org.openqa.selenium.Keys.ESCAPE)
                .perform();
        return href.substring(server.base().length() - 1);
    }

    @Test
    void withoutTheTokenEveryKindOfRequestIsRefused() {
        String download = exportUrl();
        String cookies = "Cookie: " + sessionCookies();
        String session = "Cookie: " + jsessionOnly();
        String script =
                (String) browser.js("return document.querySelector('script[type=module][src]').getAttribute('src')");
        String bundle = "/" + script.replaceFirst("^\\./", "");

        // the page
        DuetServer.HttpResponse page = server.http("GET", "/", null);
        assertThat(page.status()).isEqualTo(401);
        assertThat(page.header("Content-Type")).startsWith("text/plain");
        assertThat(page.body())
                .contains("access token")
                .contains("duet serve")
                .contains("?token=")
                .contains(".duet-token")
                .doesNotContain(server.token());
        assertThat(server.http("GET", "/", null, cookies).status()).isEqualTo(200);
        assertThat(server.http("GET", "/doc/welcome", null).status()).isEqualTo(401);

        // a Vaadin message (UIDL) over XHR, with the browser's session but not the token
        assertThat(server.http("POST", UIDL, UIDL_BODY, "Content-Type: application/json", session)
                        .status())
                .isEqualTo(401);
        assertThat(server.http("POST", UIDL, UIDL_BODY, "Content-Type: application/json", cookies)
                        .status())
                .isEqualTo(200);

        // push: the WebSocket upgrade, and long polling
        assertThat(server.http("GET", PUSH, null, with(UPGRADE, session)).status())
                .isEqualTo(401);
        assertThat(server.http("GET", PUSH, null, with(UPGRADE, cookies)).status())
                .isEqualTo(101);
        assertThat(server.http("GET", PUSH.replace("websocket", "long-polling"), null, session)
                        .status())
                .isEqualTo(401);

        // static files
        for (String file : List.of("/icons/duet.svg", bundle)) {
            assertThat(server.http("GET", file, null, session).status())
                    .as(file)
                    .isEqualTo(401);
            assertThat(server.http("GET", file, null, cookies).status())
                    .as(file)
                    .isEqualTo(200);
        }

        // a download
        DuetServer.HttpResponse refused = server.http("GET", download, null, session);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("<svg");
        DuetServer.HttpResponse svg = server.http("GET", download, null, cookies);
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg");

        // a wrong token, in each place it can be given
        assertThat(server.http("GET", "/?token=not-the-token-0123456789", null).status())
                .isEqualTo(401);
        assertThat(server.http("GET", "/", null, "Authorization: Bearer not-the-token-0123456789")
                        .status())
                .isEqualTo(401);
        assertThat(server.http("GET", "/", null, "Cookie: duet-token-" + server.port() + "=not-the-token")
                        .status())
                .isEqualTo(401);
        // and the right one in a header (scripts)
        assertThat(server.http("GET", "/icons/duet.svg", null, "Authorization: Bearer " + server.token())
                        .status())
                .isEqualTo(200);
        assertThat(server.http("GET", "/icons/duet.svg", null, "Authorization: token " + server.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aRebindingHostIsRefusedEvenWithTheToken() {
        String cookies = server.cookieHeader();
        for (String host : List.of(
                "evil.example:" + server.port(),
                "evil.example",
                "localhost.evil.example:" + server.port(),
                "127.0.0.1.nip.example:" + server.port())) {
            DuetServer.HttpResponse r = server.http("GET", "/", null, "Host: " + host, cookies);
            assertThat(r.status()).as(host).isEqualTo(403);
            assertThat(r.body()).as(host).contains("--allow-host");
            assertThat(server.http("GET", PUSH, null, with(UPGRADE, "Host: " + host, cookies))
                            .status())
                    .as(host + " (WebSocket)")
                    .isEqualTo(403);
        }
        for (String host : List.of(
                "localhost:" + server.port(),
                "127.0.0.1:" + server.port(),
                "[::1]:" + server.port(),
                "LOCALHOST:" + server.port())) {
            assertThat(server.http("GET", "/icons/duet.svg", null, "Host: " + host, cookies)
                            .status())
                    .as(host)
                    .isEqualTo(200);
        }
    }

    @Test
    void aCrossSiteOriginIsRefusedForXhrAndWebSocket() {
        browser.openEditor(server.url());
        String cookies = "Cookie: " + sessionCookies();
        for (String origin :
                List.of("http://evil.example", "http://localhost:1", "null", "https://localhost.evil.example")) {
            assertThat(server.http(
                                    "POST",
                                    UIDL,
                                    UIDL_BODY,
                                    "Content-Type: application/json",
                                    cookies,
                                    "Origin: " + origin)
                            .status())
                    .as(origin)
                    .isEqualTo(403);
            assertThat(server.http("GET", PUSH, null, with(UPGRADE, cookies, "Origin: " + origin))
                            .status())
                    .as(origin + " (WebSocket)")
                    .isEqualTo(403);
        }
        String own = "Origin: http://localhost:" + server.port();
        assertThat(server.http("POST", UIDL, UIDL_BODY, "Content-Type: application/json", cookies, own)
                        .status())
                .isEqualTo(200);
        assertThat(server.http("GET", PUSH, null, with(UPGRADE, cookies, own)).status())
                .isEqualTo(101);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        String download = exportUrl();
        String cookies = "Cookie: " + sessionCookies();
        Map<String, DuetServer.HttpResponse> responses = Map.of(
                "the page", server.http("GET", "/", null, cookies),
                "a refusal", server.http("GET", "/", null),
                "a rebinding refusal", server.http("GET", "/", null, "Host: evil.example", cookies),
                "a static file", server.http("GET", "/icons/duet.svg", null, cookies),
                "a download", server.http("GET", download, null, cookies),
                "the token's redirect", server.http("GET", "/?token=" + server.token(), null));
        responses.forEach((what, r) -> {
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(what).isNotNull();
            List<String> directives = List.of(csp.split(";\\s*"));
            assertThat(directives)
                    .as(what + ": " + csp)
                    .contains(
                            "default-src 'self'",
                            "frame-ancestors 'none'",
                            "object-src 'none'",
                            "base-uri 'self'",
                            "form-action 'self'");
            assertThat(directives).as(what).anyMatch(d -> d.startsWith("connect-src 'self'"));
            assertThat(directives)
                    .as(what)
                    .anyMatch(d -> d.matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'unsafe-eval'"));
            assertThat(csp)
                    .as(what)
                    .doesNotContain("'unsafe-inline' 'unsafe-eval'")
                    .doesNotContain("script-src *");
            assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
            assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        });
        DuetServer.HttpResponse page = responses.get("the page");
        assertThat(page.header("Content-Security-Policy"))
                .contains("connect-src 'self' ws://localhost:" + server.port());
        // each inline script of the bootstrap page carries this response's nonce, and there is no other nonce
        String nonce = page.header("Content-Security-Policy").replaceFirst(".*'nonce-([^']+)'.*", "$1");
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("<script([^>]*)>").matcher(page.body());
        int inline = 0;
        while (m.find()) {
            if (m.group(1).contains("src=")) continue;
            inline++;
            assertThat(m.group(1)).contains("nonce=\"" + nonce + "\"");
        }
        assertThat(inline).as("inline scripts of the bootstrap page").isPositive();
        // the redirect sets the cookie: scripts cannot read it, other sites' requests do not carry it
        DuetServer.HttpResponse redirect = responses.get("the token's redirect");
        assertThat(redirect.status()).isEqualTo(303);
        assertThat(redirect.header("Location")).isEqualTo("/");
        assertThat(redirect.header("Set-Cookie"))
                .startsWith("duet-token-" + server.port() + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/");
    }

    @Test
    void theTokenUrlLetsAFreshBrowserInAndTheEditorWorksUnderTheCsp() throws IOException {
        Path dir = E2e.testDir("SecurityIT", "fresh-browser");
        try (Browser fresh = Browser.open(dir.resolve("downloads"))) {
            recordCspViolations(fresh);
            // without the token: the plain page that says how to get in
            fresh.driver.get(server.url("doc/welcome"));
            assertThat(fresh.driver.findElement(By.tagName("body")).getText())
                    .contains("access token")
                    .contains("duet serve");
            // with it
            fresh.openEditor(server.url());
            assertThat(fresh.driver.getCurrentUrl()).doesNotContain("token").startsWith(server.base());
            Cookie c = fresh.driver.manage().getCookieNamed("duet-token-" + server.port());
            assertThat(c).isNotNull();
            assertThat(c.getValue()).isEqualTo(server.token());
            assertThat(c.isHttpOnly()).isTrue();
            assertThat(c.getSameSite()).isEqualTo("Strict");
            assertThat(c.getPath()).isEqualTo("/");
            assertThat((String) fresh.js("return document.cookie")).doesNotContain(server.token());
            assertThat(fresh.driver.getPageSource()).doesNotContain(server.token());

            // the editor works: a typed program is drawn, through push
            String before = fresh.docName();
            fresh.menu("menu-document", "menu-new");
            fresh.until("the new document to open", b -> !b.docName().equals(before));
            fresh.waitForGoodRun();
            fresh.replaceProgram("(svg [(rect 'tomato' 10 20 150 80) (circle 'navy' 200 60 30)])");
            fresh.waitForSvg("the typed drawing", s -> s.contains("tomato") && s.contains("navy"));
            fresh.waitForGoodRun();
            assertThat(fresh.svgAttr("rect", "width")).isEqualTo("150");
            // the dialogs with pictures (examples' thumbnails), help, documents
            fresh.menu("menu-document", "menu-examples");
            fresh.waitDialogOpen("examples-dialog");
            fresh.until(
                    "the examples' thumbnails (data: images) to be shown",
                    b -> Boolean.TRUE.equals(
                            b.js(
                                    "const i = document.querySelector('img.duet-thumb'); return !!i && i.complete && i.naturalWidth > 0")));
            fresh.type(org.openqa.selenium.Keys.ESCAPE);
            fresh.waitDialogClosed("examples-dialog");
            fresh.clickId("help");
            fresh.waitDialogOpen("help-dialog");
            fresh.type(org.openqa.selenium.Keys.ESCAPE);
            fresh.waitDialogClosed("help-dialog");
            fresh.menu("menu-document", "menu-open");
            fresh.waitDialogOpen("documents-dialog");
            fresh.type(org.openqa.selenium.Keys.ESCAPE);
            fresh.waitDialogClosed("documents-dialog");
            fresh.menu("menu-export", "export-pngw");
            fresh.waitDialogOpen("png-dialog");
            fresh.type(org.openqa.selenium.Keys.ESCAPE);
            fresh.waitDialogClosed("png-dialog");
            fresh.replaceInCode("150", "170");
            fresh.waitForSvg("the edited drawing", s -> "170".equals(fresh.svgAttr("rect", "width")));
            // a drag of the rectangle changes its numbers in the code (push both ways, the predicted drag)
            WebElement rect = fresh.driver.findElement(By.cssSelector("duet-canvas .duet-stage > svg rect"));
            org.openqa.selenium.interactions.Actions drag = new org.openqa.selenium.interactions.Actions(fresh.driver)
                    .moveToElement(rect)
                    .pause(java.time.Duration.ofMillis(300))
                    .clickAndHold();
            for (int i = 0; i < 10; i++) drag = drag.moveByOffset(4, 3).pause(java.time.Duration.ofMillis(20));
            drag.pause(java.time.Duration.ofMillis(300)).release().perform();
            fresh.until("the drag to reach the code", b -> b.code().contains("'tomato' 10 20") ? null : true);
            fresh.screenshot(dir.resolve("editor-under-csp.png"));
            // the page reloads in it with the cookie alone
            fresh.openEditor(server.url("doc/" + fresh.docName().replace(" ", "%20")));
            fresh.waitForSvg("the drawing after a reload", s -> s.contains("tomato"));

            List<String> violations = cspViolations(fresh);
            assertThat(violations).as("Content-Security-Policy violations").isEmpty();

            // and the policy does bite (so that the empty list above means something): markup that brings its own
            // inline script or event handler, as an injection would, does not run, and the recorder sees it
            fresh.js("const s = document.createElement('script'); s.textContent = 'window.__injected = 1';"
                    + " document.head.appendChild(s);"
                    + " const d = document.createElement('div'); d.innerHTML = '<img src=x onerror=\"window.__injected=2\">';"
                    + " document.body.appendChild(d);");
            fresh.until("the refusals to be recorded", b -> cspViolations(b).size() >= 2 ? true : null);
            assertThat(fresh.js("return typeof window.__injected")).isEqualTo("undefined");
            assertThat(cspViolations(fresh)).allMatch(v -> v.startsWith("script-src"));
        }
    }

    @Test
    void theTokenUrlWorksWhenALinkOnAnotherSiteIsClicked() {
        Path dir = E2e.testDir("SecurityIT", "link-from-another-site");
        try (Browser fresh = Browser.open(dir.resolve("downloads"))) {
            // a page of another origin (a data: URL's is opaque) with a link to the printed URL, as in a chat or a
            // notebook: the navigation is cross-site, and a SameSite=Strict cookie set on its way is not sent on
            // a plain redirect of it
            fresh.driver.get("data:text/html,<a id=go href='" + server.urlWithToken("doc/welcome") + "'>Duet</a>");
            fresh.clickId("go");
            fresh.waitForEditor();
            assertThat(fresh.driver.getCurrentUrl()).isEqualTo(server.url("doc/welcome"));
            assertThat(fresh.driver.manage().getCookieNamed("duet-token-" + server.port()))
                    .isNotNull();
        }
    }

    @Test
    void anUploadOverTheLimitIsRefusedWithItsSize() throws IOException {
        Path dir = E2e.testDir("SecurityIT", "upload");
        browser.openEditor(server.url());
        String before = browser.docName();
        // 2.5 MB of a valid program: a long comment
        Path big = dir.resolve("big.little");
        Files.writeString(big, "; " + "x".repeat(5 * 512 * 1024 - 40) + "\n(svg [])\n", StandardCharsets.UTF_8);
        browser.upload(big);
        String msg = browser.until("the upload's refusal", b -> {
            String t = b.byId("upload-message").getText();
            return t.startsWith("That file") ? t : null;
        });
        assertThat(msg).isEqualTo("That file is 2.5 MB; Duet opens files up to 2 MB.");
        assertThat(browser.docName()).isEqualTo(before);

        // a request that skips the browser's check: the server reads no more than the limit and says so
        WebElement upload = browser.byId("upload");
        String target = (String) browser.js("return arguments[0].target", upload);
        assertThat(target).isNotBlank();
        String path = target.startsWith("http") ? target.substring(server.base().length() - 1) : "/" + target;
        String boundary = "----duet" + System.nanoTime();
        String body = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.little\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + "y".repeat(3 * 1024 * 1024) + "\r\n--" + boundary + "--\r\n";
        DuetServer.HttpResponse r = server.http(
                "POST",
                path,
                body,
                "Cookie: " + sessionCookies(),
                "Content-Type: multipart/form-data; boundary=" + boundary,
                "Origin: http://localhost:" + server.port());
        assertThat(r.status()).isEqualTo(413);
        String msg2 = browser.until("the server's refusal in the dialog", b -> {
            String t = b.byId("upload-message").getText();
            return t.contains("3 MB") ? t : null;
        });
        assertThat(msg2).isEqualTo("That file is 3 MB; Duet opens files up to 2 MB.");
        assertThat(browser.docName()).isEqualTo(before);
        assertThat(server.workspace().resolve("huge.little")).doesNotExist();
        browser.type(org.openqa.selenium.Keys.ESCAPE);

        // a file at the limit still opens
        Path ok = dir.resolve("fits.little");
        Files.writeString(
                ok,
                "; " + "z".repeat(2 * 1024 * 1024 - 100) + "\n(svg [(rect 'teal' 0 0 50 50)])\n",
                StandardCharsets.UTF_8);
        assertThat(Files.size(ok)).isLessThanOrEqualTo(2 * 1024 * 1024);
        browser.upload(ok);
        browser.until("the uploaded document to open", b -> b.docName().startsWith("fits"));
        browser.waitForSvg("the uploaded drawing", s -> s.contains("teal"));
    }

    @Test
    void aPasteThatWouldMakeTheProgramTooLargeIsNotMadeAndSaysWhy() throws IOException {
        browser.openEditor(server.url());
        String before = browser.docName();
        browser.menu("menu-document", "menu-new");
        browser.until("the new document to open", b -> !b.docName().equals(before));
        String doc = browser.docName();
        String program = "(svg [(rect 'teal' 10 10 50 50)])\n";
        browser.replaceProgram(program);
        browser.until("the program to be saved", b -> server.readDocument(doc).equals(program));
        browser.caretAt(0);
        // a paste of 3 MB, as the browser delivers one (a paste event with the clipboard's text)
        browser.js(
                "const big = '; ' + 'x'.repeat(3 * 1024 * 1024) + '\\n';"
                        + "const dt = new DataTransfer(); dt.setData('text/plain', big);"
                        + "const content = arguments[0].shadowRoot.querySelector('.cm-content');"
                        + "content.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
                browser.byId("code"));
        String status = browser.waitForStatus("the refusal", t -> t.startsWith("That would make"));
        assertThat(status)
                .isEqualTo("That would make the program 3 MB; Duet keeps programs up to 2 MB. "
                        + "The change was not made.");
        assertThat(browser.code()).isEqualTo(program);
        assertThat(server.readDocument(doc)).isEqualTo(program);
        // a paste within the limit is made as usual (the check above is not a broken paste)
        browser.js(
                "const dt = new DataTransfer(); dt.setData('text/plain', '; pasted\\n');"
                        + "arguments[0].shadowRoot.querySelector('.cm-content').dispatchEvent(new ClipboardEvent('paste',"
                        + " {clipboardData: dt, bubbles: true, cancelable: true}));",
                browser.byId("code"));
        browser.until(
                "the small paste to be saved", b -> server.readDocument(doc).equals("; pasted\n" + program));
    }

    @Test
    void theTokenIsKeptAcrossRestarts() {
        String url = server.url();
        String token = server.token();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(url).isEqualTo("http://localhost:" + server.port() + "/?token=" + token);
        server.restart();
        assertThat(server.url()).isEqualTo(url);
        assertThat(server.http("GET", "/icons/duet.svg", null, server.cookieHeader())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void withoutATokenOnLocalhostHostAndOriginAreStillChecked() {
        try (DuetServer open = DuetServer.start("SecurityIT-no-token", "--no-token")) {
            assertThat(open.url()).isEqualTo("http://localhost:" + open.port() + "/");
            assertThat(open.token()).isNull();
            DuetServer.HttpResponse page = open.http("GET", "/", null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(open.http("GET", "/", null, "Host: evil.example:" + open.port())
                            .status())
                    .isEqualTo(403);
            assertThat(open.http(
                                    "POST",
                                    UIDL,
                                    UIDL_BODY,
                                    "Content-Type: application/json",
                                    "Origin: http://evil.example")
                            .status())
                    .isEqualTo(403);
            assertThat(open.workspace().resolve(".duet-token")).doesNotExist();
        }
    }
}
