package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The why command through the command line. */
class WhyCliTest {
    @TempDir
    Path dir;

    @Test
    void listsNumbersExplainsOneAndNamesTheValidOnes() throws IOException {
        Path p = dir.resolve("b.little");
        Files.writeString(p, ProvenanceAndPinsTest.BOXES);
        org.duet.app.CliRun.Result list = SyncCliTest.run("why", p.toString(), "--shape", "1");
        assertThat(list.code()).isZero();
        assertThat(list.out()).contains("x = 150").contains("height = 130");
        org.duet.app.CliRun.Result tree = SyncCliTest.run("why", p.toString(), "--shape", "1", "--attr", "x");
        assertThat(tree.code()).isZero();
        assertThat(tree.out())
                .startsWith("x of rect 1 = 150\n  (+) = 150   in function boxi, line 3\n    x0 = 40   line 1");
        org.duet.app.CliRun.Result json = SyncCliTest.run("why", p.toString(), "--shape", "1", "--attr", "x", "--json");
        JsonNode n = new ObjectMapper().readTree(json.out());
        assertThat(n.at("/children/0/children/0/label").asText()).isEqualTo("x0");
        assertThat(n.at("/children/0/children/0/line").asInt()).isEqualTo(1);
        org.duet.app.CliRun.Result bad = SyncCliTest.run("why", p.toString(), "--shape", "1", "--attr", "r");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("has no number called r").contains("x, y, width, height");
        assertThat(bad.err()).doesNotContain("Exception");
    }
}
