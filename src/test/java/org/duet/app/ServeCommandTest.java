package org.duet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code duet serve} refuses before it starts a server (the running server is tested by SecurityIT). */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void noTokenIsRefusedOffLoopback() {
        for (String host : new String[] {"0.0.0.0", "::", "192.168.1.20"}) {
            CliRun.Result r = CliRun.run("serve", "--no-token", "--host", host, "--workspace", dir.toString());
            assertThat(r.code()).as(host).isEqualTo(1);
            assertThat(r.err())
                    .as(host)
                    .contains("--no-token is allowed only on a loopback address")
                    .doesNotContain("Exception");
            assertThat(r.out()).doesNotContain("Duet is running");
        }
    }

    @Test
    void noTokenWithATokenIsRefused() {
        CliRun.Result r =
                CliRun.run("serve", "--no-token", "--token", "abcdefghijklmnopq", "--workspace", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--no-token cannot be combined with --token");
    }

    @Test
    void aBadTokenIsRefusedWithWhy() {
        CliRun.Result r = CliRun.run("serve", "--token", "secret", "--workspace", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("duet serve: --token: a token must have at least 16 characters.\n");
        assertThat(dir.resolve(AccessToken.FILE)).doesNotExist();
    }

    @Test
    void aBadAllowedHostIsRefused() {
        CliRun.Result r = CliRun.run("serve", "--allow-host", "evil.example/x", "--workspace", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("--allow-host evil.example/x: not a host name");
    }
}
