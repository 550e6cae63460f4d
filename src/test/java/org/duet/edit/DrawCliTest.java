package org.duet.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duet.app.CliRun;
import org.duet.app.Main;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The draw and delete commands through {@link Main#run(String...)}. */
class DrawCliTest {
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

    @Test
    void drawsARect() throws IOException {
        Path p = file(DrawTest.BLANK);
        CliRun.Result r =
                run("draw", p.toString(), "--tool", "rect", "--from", "10,20", "--to", "110,70", "--color", "100");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo(DrawTest.RECT1 + "\n\n(blobs [\n  rect1\n])\n");
        // the file is not changed
        assertThat(Files.readString(p)).isEqualTo(DrawTest.BLANK);
    }

    @Test
    void shiftClosedPathsPolygonsAndLambda() throws IOException {
        Path p = file(DrawTest.BLANK);
        CliRun.Result sq =
                run("draw", p.toString(), "--tool", "ellipse", "--from", "10,20", "--to", "110,70", "--shift");
        assertThat(sq.code()).isZero();
        assertThat(sq.out()).startsWith("(def circle1\n  (let [cx cy r] [60 70 50]\n  (let color 137\n");
        CliRun.Result path = run(
                "draw",
                p.toString(),
                "--tool",
                "path",
                "--points",
                "130,162 Q:180,112 230,162 c:250,212 280,222 330,162",
                "--closed",
                "--color",
                "100");
        assertThat(path.code()).isZero();
        assertThat(path.out()).contains("(let d ['M' x0 y0 'Q' 180 112 230 162 'C' 250 212 280 222 330 162 'Z']");
        CliRun.Result poly = run("draw", p.toString(), "--tool", "polygon-bb", "--points", " 10,10  50,14 40,40 ");
        assertThat(poly.code()).isZero();
        assertThat(poly.out()).contains("(let pcts [[0 0] [1 0.13333333333333333?] [0.75? 1]]");
        CliRun.Result star = run("draw", p.toString(), "--tool", "lambda", "--from", "1.4,2", "--to", "30,40");
        assertThat(star.out()).isEqualTo("(blobs [\n  (withBounds [1 2 30 40] star)\n])\n");
        Path q = dir.resolve("f.little");
        Files.writeString(q, "(def house (\\[left top right bot] [(rect 'red' left top 5 5)]))\n(blobs [])\n");
        CliRun.Result house =
                run("draw", q.toString(), "--tool", "lambda", "--function", "house", "--from", "1,2", "--to", "30,40");
        assertThat(house.code()).isZero();
        assertThat(house.out()).endsWith("(blobs [(withBounds [1 2 30 40] house)])\n");
    }

    @Test
    void anEmptyFileIsABlankDrawing() throws IOException {
        CliRun.Result r =
                run("draw", file("").toString(), "--tool", "line", "--from", "0,0", "--to", "5,5", "--color", "100");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("(def line1\n").endsWith("\n\n(blobs [\n  line1\n])\n");
    }

    @Test
    void errorsAreOneLineMessages() throws IOException {
        Path p = file(DrawTest.BLANK);
        String f = p.toString();
        assertError(
                run("draw", f, "--tool", "hexagon", "--from", "1,1", "--to", "5,5"),
                "duet draw: unknown tool 'hexagon' (tools: line, rect, ellipse, text, polygon, path, rect-bb, "
                        + "ellipse-bb, polygon-bb, path-bb, lambda)");
        assertError(
                run("draw", f, "--tool", "rect", "--from", "1;1", "--to", "5,5"),
                "duet draw: bad point '1;1' in --from: expected X,Y");
        assertError(
                run("draw", f, "--tool", "rect", "--from", "a,1", "--to", "5,5"),
                "duet draw: bad point 'a,1' in --from: X and Y must be numbers");
        assertError(
                run("draw", f, "--tool", "rect", "--from", "1,1"),
                "duet draw: the rect tool needs --from X,Y and --to X,Y");
        assertError(
                run("draw", f, "--tool", "polygon", "--from", "1,1", "--to", "5,5"),
                "duet draw: the polygon tool needs --points \"X,Y X,Y …\"");
        assertError(
                run("draw", f, "--tool", "rect", "--points", "1,1 5,5"),
                "duet draw: --points is for the polygon and path tools; the rect tool takes --from X,Y --to X,Y");
        assertError(
                run("draw", f, "--tool", "polygon", "--points", "1,1 Q:5,5 9,1"),
                "duet draw: bad point 'Q:5,5' in --points: Q: and C: are for the path tools");
        assertError(
                run("draw", f, "--tool", "path", "--points", "1,1 X:5,5"),
                "duet draw: bad point 'X:5,5' in --points: the prefix may be Q: or C:");
        assertError(
                run("draw", f, "--tool", "rect", "--from", "1,1", "--to", "5,5", "--closed"),
                "duet draw: --closed is for the path tools (a polygon is always closed)");
        assertError(
                run("draw", f, "--tool", "rect", "--from", "1,1", "--to", "5,5", "--function", "star"),
                "duet draw: --function is for the lambda tool");
        // degenerate gestures draw nothing
        assertError(
                run("draw", f, "--tool", "rect", "--from", "7,7", "--to", "7,7"),
                f + ": nothing drawn: the pointer did not move between mouse-down and mouse-up");
        assertError(
                run("draw", f, "--tool", "polygon", "--points", "1,1 5,5"),
                f + ": nothing drawn: a polygon needs at least 3 different points (it has 2)");
        assertError(
                run("draw", f, "--tool", "lambda", "--function", "nope", "--from", "1,1", "--to", "5,5"),
                f + ": the λ tool cannot draw 'nope': it offers star (a top-level function whose last parameter is "
                        + "bounds, [left top right bot], anchor or [xAnchor yAnchor], taking only that parameter or "
                        + "already drawn by a withBounds/withAnchor blob)");
        assertError(
                run("draw", dir.resolve("missing.little").toString(), "--tool", "rect", "--from", "1,1", "--to", "5,5"),
                dir.resolve("missing.little") + ": no such file");
        Path bad = file("(blobs [\n  (rect 1\n])\n");
        CliRun.Result r = run("draw", bad.toString(), "--tool", "rect", "--from", "1,1", "--to", "5,5");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith(bad + ":3:1: parse error").doesNotContain("Exception");
    }

    @Test
    void aMainThatIsNotADrawingIsReported() throws IOException {
        Path p = file("(def x 3)\n(blobs [])\n");
        Files.writeString(p, "[1 2 3]\n");
        CliRun.Result r = run("draw", p.toString(), "--tool", "rect", "--from", "1,1", "--to", "5,5");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(p + ": the program with the new shape does not run: ");
    }

    @Test
    void deletesTheBlobOfAShape() throws IOException {
        Path p = file(BlobsTest.PROGRAM);
        int polygon = Renderer.render("t", BlobsTest.PROGRAM).canvas.elements().size() - 2;
        CliRun.Result r = run("delete", p.toString(), "--shape", "0," + polygon);
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("(blobs [\n  text2\n  (withBounds [10 300 60 350] star)\n])\n");
        CliRun.Result two = run("delete", p.toString(), "--shape", "0", "--shape", "1");
        assertThat(two.out()).endsWith("(blobs [\n  polygon3\n  (withBounds [10 300 60 350] star)\n])\n");
        assertError(
                run("delete", p.toString(), "--shape", "500"),
                p + ": there is no shape 500: the drawing has " + (polygon + 2) + " elements (numbered from 0)");
        Path q = dir.resolve("q.little");
        Files.writeString(q, "(let x 1 (svg [(rect 'red' x 1 2 3)]))\n");
        assertError(
                run("delete", q.toString(), "--shape", "0"),
                q + ": cannot delete: the program's main expression "
                        + "must be (blobs [ … ]), (svg (concat [ … ])), (svg [ … ]) or (addBlob … …), but it is "
                        + "(let x 1 (svg [(rect 'red' x 1 2 3)]))");
    }

    static void assertError(CliRun.Result r, String message) {
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
        assertThat(r.code()).isEqualTo(1);
    }
}
