package org.duet.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duet.app.CliRun;
import org.duet.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code duet relate} and {@code duet features} through {@link Main#run(String...)}. */
class RelateCliTest {
    @TempDir
    Path dir;

    /** A command's exit code and output. */
    static CliRun.Result run(String... args) {
        return CliRun.run(args);
    }

    Path file(String text) throws IOException {
        Path p = dir.resolve("a.little");
        Files.writeString(p, text);
        return p;
    }

    static final String PROGRAM =
            "(def [x0 w] [50 100])\n(svg [\n  (rect 'maroon' x0 106 w 86)\n  (rect 'blue' 214 91 125 102)\n])\n";

    @Test
    void relateJson() throws IOException {
        Path p = file(PROGRAM);
        CliRun.Result r = run(
                "relate",
                p.toString(),
                "--tool",
                "make-equal",
                "--features",
                "0.rectCRX,1.rectTLX",
                "--top",
                "2",
                "--json");
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("candidates")).hasSize(2);
        assertThat(j.get("candidates").get(0).get("rank").asInt()).isEqualTo(1);
        assertThat(j.get("candidates").get(0).get("description").asText())
                .isEqualTo("make 1.rectTLX equal 0.rectCRX by removing 214");
        assertThat(j.get("candidates").get(0).get("program").asText()).isEqualTo(PROGRAM.replace("214", "(+ x0 w)"));
        assertThat(j.get("timedOut").asBoolean()).isFalse();
        assertThat(j.get("message").asText()).isEmpty();
    }

    @Test
    void relateText() throws IOException {
        Path p = file(PROGRAM);
        CliRun.Result r = run("relate", p.toString(), "--tool", "align-top", "--features", "0,1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("1. align top: rect0, rect1 to ");
        assertThat(r.out()).contains("\n    (svg [\n");
    }

    @Test
    void relateNoSolutionAndErrors() throws IOException {
        Path p = file("(svg [(rect 'red' 10! 10 50 30) (rect 'red' 40! 60 70 30)])");
        CliRun.Result r =
                run("relate", p.toString(), "--tool", "make-equal", "--features", "0.rectTLX,1.rectTLX", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("candidates")).isEmpty();
        assertThat(j.get("message").asText()).startsWith("no solution:");
        CliRun.Result bad = run("relate", p.toString(), "--tool", "make-equal", "--features", "0.rectFoo,1.rectTLX");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith(p + ": shape 0 (rect) has no feature rectFoo (its features: rectTLX,");
        CliRun.Result tool = run("relate", p.toString(), "--tool", "nope", "--features", "0,1");
        assertThat(tool.code()).isEqualTo(1);
        assertThat(tool.err()).contains("unknown tool 'nope'");
        Path broken = dir.resolve("b.little");
        Files.writeString(broken, "(svg [(rect 'red' 1 2");
        CliRun.Result parse =
                run("relate", broken.toString(), "--tool", "make-equal", "--features", "0.rectTLX,1.rectTLX");
        assertThat(parse.code()).isEqualTo(1);
        assertThat(parse.err()).startsWith(broken + ":1:");
        assertThat(parse.err()).doesNotContain("Exception");
    }

    @Test
    void featuresJson() throws IOException {
        Path p = file(PROGRAM);
        CliRun.Result r = run("features", p.toString(), "--shape", "1", "--json");
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        JsonNode s = j.get("shapes").get(0);
        assertThat(s.get("shape").asInt()).isEqualTo(1);
        assertThat(s.get("kind").asText()).isEqualTo("rect");
        JsonNode f = s.get("features").get(0);
        assertThat(f.get("name").asText()).isEqualTo("rectTLX");
        assertThat(f.get("ref").asText()).isEqualTo("1.rectTLX");
        assertThat(f.get("kind").asText()).isEqualTo("X");
        assertThat(f.get("value").asDouble()).isEqualTo(214);
        assertThat(f.get("point").asText()).isEqualTo("TL");
        CliRun.Result all = run("features", p.toString());
        assertThat(all.out())
                .contains("shape 0 (rect)")
                .contains("  0.rectCRX ")
                .contains("(+ x width) = 150");
        CliRun.Result bad = run("features", p.toString(), "--shape", "9");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("there is no shape 9");
    }
}
