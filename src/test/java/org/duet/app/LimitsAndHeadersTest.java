package org.duet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The size limits' words, and the security headers' values. */
class LimitsAndHeadersTest {
    @Test
    void sizesAreSaidInWords() {
        assertThat(Limits.size(1)).isEqualTo("1 byte");
        assertThat(Limits.size(812)).isEqualTo("812 bytes");
        assertThat(Limits.size(12_595)).isEqualTo("12.3 KB");
        assertThat(Limits.size(2 * 1024 * 1024)).isEqualTo("2 MB");
        assertThat(Limits.size(12_897_485)).isEqualTo("12.3 MB");
    }

    @Test
    void anUploadOverTheLimitIsToldItsSize() {
        assertThat(Limits.fileTooLarge(12_897_485)).isEqualTo("That file is 12.3 MB; Duet opens files up to 2 MB.");
        assertThat(Limits.fileTooLarge(2 * 1024 * 1024 + 10))
                .isEqualTo("That file is just over 2 MB; Duet opens files " + "up to 2 MB.");
    }

    @Test
    void aProgramOverTheLimitIsToldItsSizeInUtf8() {
        assertThat(Limits.programTooLarge("(svg [])")).isNull();
        assertThat(Limits.programTooLarge("x".repeat(Limits.MAX_DOCUMENT_BYTES)))
                .isNull();
        assertThat(Limits.programTooLarge("x".repeat(Limits.MAX_DOCUMENT_BYTES + 1)))
                .startsWith("The program is just over 2 MB;");
        String big = "é".repeat(1024 * 1024 + 100); // 2 bytes each in UTF-8
        assertThat(Limits.programTooLarge(big))
                .isEqualTo("The program is just over 2 MB; Duet keeps programs up to 2 MB. "
                        + "This change is not saved: undo it (Ctrl+Z) or shorten the program.");
        for (String s : List.of("aé€😀", "😀".repeat(10), "\ud800x")) {
            assertThat(Limits.utf8Length(s)).as(s).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
        }
        assertThat(Limits.programTooLarge("x".repeat(24 * 1024 * 1024))).startsWith("The program is 24 MB;");
    }

    @Test
    void theCspIsStrictAndNamesOnlyAWellFormedHost() {
        String csp = SecurityHeaders.csp("abc123==", "localhost:8080");
        assertThat(List.of(csp.split("; ")))
                .containsExactly(
                        "default-src 'self'",
                        "script-src 'self' 'nonce-abc123==' 'unsafe-eval'",
                        "style-src 'self' 'unsafe-inline'",
                        "img-src 'self' data:",
                        "font-src 'self' data:",
                        "connect-src 'self' ws://localhost:8080 wss://localhost:8080",
                        "object-src 'none'",
                        "base-uri 'self'",
                        "form-action 'self'",
                        "frame-ancestors 'none'");
        assertThat(SecurityHeaders.csp("n", "evil; script-src *"))
                .contains("connect-src 'self'; ")
                .doesNotContain("script-src *");
        assertThat(SecurityHeaders.csp("n", null)).contains("connect-src 'self'; ");
        assertThat(SecurityHeaders.all("n", "localhost"))
                .containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "no-referrer")
                .containsEntry("X-Frame-Options", "DENY");
        assertThat(SecurityHeaders.nonce()).matches("[A-Za-z0-9+/]{22}==").isNotEqualTo(SecurityHeaders.nonce());
    }
}
