package org.duet.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/** Shared bits of the browser tests: where their files go, and screenshots of failures. */
final class E2e {
    private E2e() {}

    /** target/e2e/CLASS/TEST: downloads and other files of one test. */
    static Path testDir(String testClass, String test) {
        Path p =
                DuetServer.projectDir().resolve("target/e2e").resolve(testClass).resolve(test);
        DuetServer.deleteTree(p);
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p;
    }

    /** On a failed test: a screenshot and the page's text in target/e2e-logs/. */
    static TestWatcher failureArtifacts(Supplier<Browser> browser) {
        return new TestWatcher() {
            @Override
            public void testFailed(ExtensionContext context, Throwable cause) {
                Browser b = browser.get();
                if (b == null) return;
                String n = context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName();
                Path dir = DuetServer.projectDir().resolve("target/e2e-logs");
                try {
                    b.screenshot(dir.resolve(n + ".png"));
                    Files.writeString(dir.resolve(n + ".html"), b.driver.getPageSource());
                } catch (RuntimeException | IOException ignored) {
                    // best effort
                }
            }
        };
    }
}
