package org.duet.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * What the browser tests share: a Duet server with a workspace of its own and a headless Chromium per test class
 * (let in with the server's access token), and a screenshot, the page and the server's log when a test fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {
    DuetServer server;
    Browser browser;

    @RegisterExtension
    final TestWatcher failures = E2e.failureArtifacts(() -> browser);

    /** The name of the test class, for its server's workspace and its browser's downloads. */
    String name() {
        return getClass().getSimpleName();
    }

    @BeforeAll
    void start() {
        server = DuetServer.start(name());
        browser = Browser.open(E2e.testDir(name(), "downloads"));
        // the browser gets the access token's cookie, so that every page of the server opens in it
        server.signIn(browser.driver);
    }

    @AfterAll
    void stop() {
        if (browser != null) browser.close();
        if (server != null) server.close();
    }
}
