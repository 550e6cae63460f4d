package org.duet.sync;

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

/** The zones and drag commands through {@link Main#run(String...)}. */
class SyncCliTest {
    @TempDir
    Path dir;

    /** A command's exit code and output. */
    static CliRun.Result run(String... args) {
        return CliRun.run(args);
    }

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void zonesJson() throws IOException {
        Path p = file(
                "a.little",
                "(def [x0 y0] [10 20])\n(svg [(rect 'red' x0 y0 30! 40!) ['g' [] []] (rect 'red' 1! 2! 3! 4!)])\n");
        CliRun.Result r = run("zones", "--json", p.toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out())
                .startsWith("{\"shapes\":[{\"shape\":0,\"kind\":\"rect\",\"zones\":[{\"zone\":\"Interior\","
                        + "\"active\":true,\"changes\":[{\"attribute\":\"x\",\"location\":{\"name\":\"x0\",\"line\":1,\"col\":15,"
                        + "\"value\":10}},{\"attribute\":\"y\",\"location\":{\"name\":\"y0\",\"line\":1,\"col\":18,\"value\":20}}]},"
                        + "{\"zone\":\"TopLeft\",");
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("shapes")).hasSize(2);
        assertThat(j.get("shapes").get(1).get("shape").asInt()).isEqualTo(2);
        JsonNode right = j.get("shapes").get(0).get("zones").get(4);
        assertThat(right.get("zone").asText()).isEqualTo("RightEdge");
        assertThat(right.get("active").asBoolean()).isFalse();
        assertThat(right.get("reason").asText()).contains("frozen");
        assertThat(right.get("changes")).isEmpty();
        assertThat(j.has("sliders")).isFalse();
    }

    @Test
    void zonesJsonListsSliders() throws IOException {
        Path p = file("b.little", "(def x' 1)(def n 3{1-5})\n(svg [(rect 'red' n x' 3 4)])");
        CliRun.Result r = run("zones", "--json", "--heuristics", "none", p.toString());
        assertThat(r.code()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.get("sliders").get(0).get("zone").asText()).isEqualTo("IntSlider1");
        assertThat(j.get("sliders")
                        .get(0)
                        .get("changes")
                        .get(0)
                        .get("location")
                        .get("name")
                        .asText())
                .isEqualTo("n");
        assertThat(j.get("shapes")
                        .get(0)
                        .get("zones")
                        .get(0)
                        .get("changes")
                        .get(1)
                        .get("location")
                        .get("name")
                        .asText())
                .isEqualTo("x'");
    }

    @Test
    void zonesText() throws IOException {
        Path p = file("c.little", "(def [x0 y0] [10 20])\n(svg [(rect 'red' x0 y0 30! 40!)])");
        CliRun.Result r = run("zones", p.toString());
        assertThat(r.out()).startsWith("0 rect Interior ACTIVE [dx] x0(10) [dy] y0(20)\n");
        assertThat(r.out()).contains("0 rect RightEdge INACTIVE (");
        assertThat(run("zones", "--heuristics", "fair", p.toString()).code()).isZero();
        CliRun.Result bad = run("zones", "--heuristics", "clever", p.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("unknown heuristics 'clever'");
    }

    @Test
    void dragPrintsTheNewProgram() throws IOException {
        Path p = file("d.little", "(def [x0 y0] [10 20])\n(svg [(rect 'red' x0 y0 30 40)])\n");
        CliRun.Result r = run("drag", p.toString(), "--shape", "0", "--zone", "TopLeft", "--dx", "7", "--dy", "-5");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("(def [x0 y0] [17 15])\n(svg [(rect 'red' x0 y0 23 45)])\n");
        assertThat(r.err()).isEmpty();
        CliRun.Result s =
                run("drag", p.toString(), "--shape", "0", "--zone", "Interior", "--dx", "2.5", "--heuristics", "fair");
        assertThat(s.out()).startsWith("(def [x0 y0] [12.5 20])");
    }

    @Test
    void dragOfASlider() throws IOException {
        Path p = file("e.little", "(def n 3{1-10})\n(svg [(rect 'red' n 2 3 4)])");
        CliRun.Result r = run("drag", p.toString(), "--zone", "IntSlider1", "--dx", "23");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("(def n 5{1-10})");
    }

    @Test
    void dragErrors() throws IOException {
        Path p = file("f.little", "(svg [(rect 'red' 1! 2! 3! 4!) (square 'red' 1 2 3)])");
        CliRun.Result inactive = run("drag", p.toString(), "--shape", "0", "--zone", "Interior", "--dx", "1");
        assertThat(inactive.code()).isEqualTo(1);
        assertThat(inactive.err()).startsWith(p + ": the zone Interior of shape 0 (rect) is inactive: ");
        CliRun.Result unknown = run("drag", p.toString(), "--shape", "0", "--zone", "Nowhere", "--dx", "1");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("has no zone Nowhere");
        CliRun.Result noShape = run("drag", p.toString(), "--shape", "9", "--zone", "Interior", "--dx", "1");
        assertThat(noShape.err()).contains("there is no shape 9");
        // a conflict is a warning: the width follows, the height cannot
        CliRun.Result partial =
                run("drag", p.toString(), "--shape", "1", "--zone", "BotRight", "--dx", "7", "--dy", "2");
        assertThat(partial.code()).isZero();
        assertThat(partial.out()).isEqualTo("(svg [(rect 'red' 1! 2! 3! 4!) (square 'red' 1 2 10)])");
        assertThat(partial.err()).contains("warning: height does not follow the drag");
        // nothing can be solved: exit 1
        Path q = file("g.little", "(def a 5)\n(svg [(rect 'red' (- (+ a 10!) a) 0! 3! 4!)])");
        CliRun.Result none = run("drag", q.toString(), "--shape", "0", "--zone", "Interior", "--dx", "7");
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("the drag cannot be solved").contains("no value of a");
        assertThat(none.out()).isEmpty();
    }

    @Test
    void programErrorsArePositionedNeverStackTraces() throws IOException {
        Path p = file("h.little", "(svg [(rect 'red' 1 2 3 4)\n");
        CliRun.Result r = run("zones", "--json", p.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(p + ":1:6: ").doesNotContain("Exception").doesNotContain("\tat ");
        CliRun.Result d = run("drag", p.toString(), "--shape", "0", "--zone", "Interior");
        assertThat(d.code()).isEqualTo(1);
        assertThat(d.err()).startsWith(p + ":1:6: ");
        CliRun.Result missing =
                run("drag", dir.resolve("nope.little").toString(), "--shape", "0", "--zone", "Interior");
        assertThat(missing.err()).contains("no such file");
        assertThat(missing.code()).isEqualTo(1);
    }
}
