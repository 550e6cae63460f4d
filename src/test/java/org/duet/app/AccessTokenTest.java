package org.duet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace's token: random, URL-safe, kept owner-only, reused, replaced by --token or --new-token. */
class AccessTokenTest {
    @TempDir
    Path dir;

    @Test
    void aNewTokenHas256RandomBitsInUrlSafeCharacters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String t = AccessToken.generate();
            assertThat(t).matches("[A-Za-z0-9_-]{43}");
            assertThat(AccessToken.problem(t)).isNull();
            seen.add(t);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void theTokenIsMadeOnceKeptOwnerOnlyAndReused() throws Exception {
        String first = AccessToken.forWorkspace(dir, null, false);
        Path file = dir.resolve(AccessToken.FILE);
        assertThat(file).exists();
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(AccessToken.forWorkspace(dir, null, false)).isEqualTo(first);
        // no temporary files are left beside it
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly(AccessToken.FILE);
        }
    }

    @Test
    void givenTokenReplacesTheKeptOneAndIsKept() throws Exception {
        AccessToken.forWorkspace(dir, null, false);
        String mine = "my-own-token_0123456789";
        assertThat(AccessToken.forWorkspace(dir, mine, false)).isEqualTo(mine);
        assertThat(AccessToken.forWorkspace(dir, null, false)).isEqualTo(mine);
    }

    @Test
    void newTokenRotatesIt() throws Exception {
        String first = AccessToken.forWorkspace(dir, null, false);
        String second = AccessToken.forWorkspace(dir, null, true);
        assertThat(second).isNotEqualTo(first);
        assertThat(AccessToken.forWorkspace(dir, null, false)).isEqualTo(second);
    }

    @Test
    void aBadGivenTokenIsRefusedAndTheKeptOneStays() throws Exception {
        String kept = AccessToken.forWorkspace(dir, null, false);
        assertThatThrownBy(() -> AccessToken.forWorkspace(dir, "short", false))
                .isInstanceOf(AccessToken.Invalid.class)
                .hasMessageContaining("at least 16 characters");
        assertThatThrownBy(() -> AccessToken.forWorkspace(dir, "has spaces and ; semicolons", false))
                .isInstanceOf(AccessToken.Invalid.class)
                .hasMessageContaining("only letters, digits");
        assertThatThrownBy(() -> AccessToken.forWorkspace(dir, "x".repeat(300), false))
                .isInstanceOf(AccessToken.Invalid.class)
                .hasMessageContaining("at most 256");
        assertThat(AccessToken.forWorkspace(dir, null, false)).isEqualTo(kept);
    }

    @Test
    void aDamagedKeptTokenIsReportedWithWhatToDo() throws Exception {
        Files.writeString(dir.resolve(AccessToken.FILE), "not a token\n");
        assertThatThrownBy(() -> AccessToken.forWorkspace(dir, null, false))
                .isInstanceOf(AccessToken.Invalid.class)
                .hasMessageContaining(AccessToken.FILE)
                .hasMessageContaining("delete the file")
                .hasMessageContaining("--new-token");
        // --new-token mends it
        assertThat(AccessToken.forWorkspace(dir, null, true)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void aKeptTokenReadableByOthersIsMadeOwnerOnly() throws Exception {
        String t = AccessToken.forWorkspace(dir, null, false);
        Path file = dir.resolve(AccessToken.FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(AccessToken.forWorkspace(dir, null, false)).isEqualTo(t);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }
}
