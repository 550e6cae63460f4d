package org.duet.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.duet.app.Main;
import org.duet.lang.DuetException;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error path of spec §6 and every v0.5.2 crash: each must be a {@link DuetException} (never another
 * exception, never SVG) with a meaningful message and, where the program wrote the culprit, its 1-based line and
 * column. Also parse errors, errors inside prelude functions, and how the command line reports errors.
 */
class ErrorsTest {

    // ------------------------------------------------------------------------------------------------ helpers

    /** Renders the program (parse, evaluate, convert) and returns the error it must end with. */
    static DuetException error(String program) {
        Throwable t = catchThrowable(() -> Renderer.render("test.little", program));
        assertThat(t).as("%s must fail", program).isInstanceOf(DuetException.class);
        return (DuetException) t;
    }

    static DuetException errorAt(String program, int line, int column) {
        DuetException e = error(program);
        assertThat(e.hasPosition())
                .as("%s has a position: %s", program, e.bareMessage())
                .isTrue();
        assertThat(e.line()).as("line of: %s", e.bareMessage()).isEqualTo(line);
        assertThat(e.column()).as("column of: %s", e.bareMessage()).isEqualTo(column);
        return e;
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    @Nested
    class EvaluationErrors {
        @Test
        void variableNotFound() {
            DuetException e = errorAt("(let a 1\n  (+ a bogus))", 2, 8);
            assertThat(e.bareMessage()).contains("variable not found: bogus");
            assertThat(e.format("f.little")).startsWith("f.little:2:8: ");
        }

        @Test
        void variableNotFoundInAFunctionBodyOnlyWhenCalled() {
            assertThat(Renderer.render("test.little", "(def f (\\x nowhere)) (svg [])")
                            .canvas
                            .toSvg(true))
                    .isEqualTo("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
            errorAt("(def f (\\x nowhere))\n(svg [(f 1)])", 1, 12);
        }

        @Test
        void ifOnANonBoolean() {
            DuetException e = errorAt("(def n 3)\n(if n 1 2)", 2, 5);
            assertThat(e.bareMessage())
                    .containsIgnoringCase("if")
                    .containsIgnoringCase("bool")
                    .contains("3");
            errorAt("(if 'true' 1 2)", 1, 5);
            errorAt("(if null 1 2)", 1, 5);
        }

        @Test
        void nonExhaustiveCase() {
            DuetException e = errorAt("(case\n   3 (4 5) (5 6))", 2, 4);
            assertThat(e.bareMessage())
                    .containsIgnoringCase("non-exhaustive case")
                    .contains("3");
        }

        @Test
        void nonExhaustiveTypecase() {
            DuetException e = errorAt("(let x 3 (typecase x (String 1) (Bool 2)))", 1, 10);
            assertThat(e.bareMessage()).containsIgnoringCase("non-exhaustive typecase");
        }

        @Test
        void notAFunction() {
            DuetException e = errorAt("(let f 3\n (f 1))", 2, 3);
            assertThat(e.bareMessage()).containsIgnoringCase("not a function").contains("3");
            errorAt("('abc' 1)", 1, 2);
            DuetException over = errorAt("(let f (\\(x y) 3) (f 1 2 3))", 1, 20);
            assertThat(over.bareMessage()).containsIgnoringCase("not a function");
        }

        @Test
        void applicationWithNoArguments() {
            DuetException e = errorAt("(let f (\\x x)\n  (f))", 2, 4);
            assertThat(e.bareMessage()).containsIgnoringCase("application with no arguments");
        }

        @Test
        void badEnvironmentForAFunctionArgument() {
            DuetException e = errorAt("(def f (\\[a b] a))\n(f 3)", 1, 10);
            assertThat(e.bareMessage())
                    .contains("bad environment")
                    .contains("3")
                    .contains("[a b]");
            errorAt("((\\[x | xs] x) [])", 1, 4);
            errorAt("((\\[a b] a) [1 2 3])", 1, 4);
        }

        @Test
        void badEnvironmentForALetOrDefPattern() {
            DuetException e = errorAt("(def x 1)\n(let [a b] 3 a)", 2, 1);
            assertThat(e.bareMessage()).contains("bad environment").contains("3");
            DuetException d = errorAt("(def x 1)\n(def [a b] [1 2 3])\na", 2, 1);
            assertThat(d.bareMessage()).contains("bad environment");
        }

        @Test
        void badELet() {
            DuetException e = errorAt("(defrec mylen len)\nmylen", 1, 1);
            assertThat(e.bareMessage()).contains("bad ELet").contains("mylen");
            errorAt("(letrec f 3 f)", 1, 1);
            assertThat(errorAt("(let g (\\x x)\n (letrec f g f))", 2, 12).bareMessage())
                    .contains("letrec f");
        }

        @Test
        void letrecOfSeveralNames() {
            DuetException e = errorAt("(letrec [f g] [(\\x x) (\\y y)] f)", 1, 9);
            assertThat(e.bareMessage()).containsIgnoringCase("recursive");
        }

        @Test
        void letrecOfAClosureFromAnotherEnvironment() {
            DuetException e = errorAt("(letrec f (let y 1 (\\x x)) f)", 1, 11);
            assertThat(e.bareMessage()).contains("letrec f");
        }

        @Test
        void restExpressionNotAList() {
            DuetException e = errorAt("(def t 2)\n[1 |\n   t]", 3, 4);
            assertThat(e.bareMessage()).containsIgnoringCase("rest").contains("2");
        }

        @Test
        void badOperatorArguments() {
            DuetException e = errorAt("(def x 'a')\n(def y\n  (- x 1))\ny", 3, 4);
            assertThat(e.bareMessage())
                    .containsIgnoringCase("bad arguments")
                    .contains("-")
                    .contains("'a'")
                    .contains("1");
            errorAt("(+ 1\n  (< 'a' 'b'))", 2, 4);
        }

        @Test
        void modByZero() {
            DuetException e = errorAt("[1\n (mod 5 0)]", 2, 3);
            assertThat(e.bareMessage()).containsIgnoringCase("mod").containsIgnoringCase("zero");
        }

        @Test
        void dictionaryKeyErrors() {
            DuetException e = errorAt("(def d (empty))\n(insert (\\x x) 1 d)", 2, 9);
            assertThat(e.bareMessage()).contains("<fun>").contains("key");
            errorAt("(get (empty) (empty))", 1, 6);
            errorAt("(remove [(empty)] (empty))", 1, 9);
            DuetException notDict = errorAt("(insert 1 2 [])", 1, 2);
            assertThat(notDict.bareMessage())
                    .containsIgnoringCase("bad arguments")
                    .contains("insert");
        }

        @Test
        void numberPatternAgainstANonNumber() {
            DuetException e = errorAt("(case 'a'\n  (1 2)\n  (_ 3))", 2, 4);
            assertThat(e.bareMessage()).contains("1").contains("'a'");
            errorAt("(case [1] (1 1) (_ 2))", 1, 12);
            errorAt("(case true (1 1) (_ 2))", 1, 13);
        }

        @Test
        void stringPatternAgainstANumberListOrFunction() {
            DuetException e = errorAt("(case 1 ('a' 2) (_ 3))", 1, 10);
            assertThat(e.bareMessage()).contains("'a'").contains("1");
            errorAt("(case [] ('a' 1) (_ 2))", 1, 11);
            errorAt("(case (\\x x) ('a' 1) (_ 2))", 1, 15);
            errorAt("(case (empty) ('a' 1) (_ 2))", 1, 16);
        }

        @Test
        void patternErrorsInsideListPatternsHappenEvenAfterAMismatch() {
            errorAt("(case [1 2] ([0 'a'] 1) (_ 2))", 1, 17);
        }

        @Test
        void typecaseAgainstATypeAlias() {
            DuetException e = errorAt("(let x 3 (typecase x (Point 1) (_ 2)))", 1, 23);
            assertThat(e.bareMessage()).contains("Point");
            assertThat(error("(let x 3 (typecase x (Num 1) ((-> Num Num) 2)))").bareMessage())
                    .contains("function");
            assertThat(error("(let x 3 (typecase x (Num 1) ((Dict Num Num) 2)))")
                            .bareMessage())
                    .contains("dictionary");
        }

        @Test
        void typecaseOnAListAgainstANonTuple() {
            DuetException e = error("(let [a b] [1 2] (typecase [a b] (Num 1)))");
            assertThat(e.bareMessage()).contains("typecase");
            assertThat(e.hasPosition()).isTrue();
        }

        @Test
        void typecaseOnAnUnboundVariable() {
            DuetException e = errorAt("(typecase nope (Num 1))", 1, 11);
            assertThat(e.bareMessage()).contains("variable not found: nope");
        }

        @Test
        void functionWithoutParameters() {
            DuetException e = errorAt("(def k 1)\n(\\() 3)", 2, 1);
            assertThat(e.bareMessage()).containsIgnoringCase("parameter");
            errorAt("((\\() 3) 1)", 1, 2);
        }
    }

    // ------------------------------------------------------------------------------------------------ svg conversion

    @Nested
    class ConversionErrors {
        @Test
        void expectedAnSvgNode() {
            DuetException e = errorAt("(def x 1)\n3", 2, 1);
            assertThat(e.bareMessage()).startsWith("expected an SVG node, but got: 3");
            DuetException s = errorAt("'hello'", 1, 1);
            assertThat(s.bareMessage()).startsWith("expected an SVG node, but got: 'hello'");
        }

        @Test
        void aBadChildIsNamed() {
            DuetException e = errorAt("(svg [(rect 'red' 1 2 3 4)\n      5])", 2, 7);
            assertThat(e.bareMessage()).startsWith("expected an SVG node, but got: 5");
            assertThat(error("(svg [(rect 'red' 1 2 3 4) [1 2]])").bareMessage())
                    .startsWith("expected an SVG node, but got: [1 2]");
            assertThat(error("['svg' [] 3]").bareMessage()).startsWith("expected an SVG node");
            assertThat(error("[true]").bareMessage()).startsWith("expected an SVG node, but got: [true]");
        }

        @Test
        void slideShowsWithBadSlidesAreErrors() {
            assertThat(error("[2 (\\s 5)]").bareMessage()).startsWith("expected an SVG node, but got: 5");
        }

        @Test
        void badAttributeValues() {
            DuetException e = errorAt("(svg [['g'\n  [['opacity' true]] []]])", 2, 5);
            assertThat(e.bareMessage()).contains("'opacity'").contains("true");
            DuetException p = errorAt("['svg' [] [['polygon' [\n['points' [[1 2] [3]]]] []]]]", 2, 2);
            assertThat(p.bareMessage()).contains("point").contains("[3]");
            DuetException d = errorAt("['svg' [] [['path' [\n  ['d' ['M' 1 2 'Q' 3]]] []]]]", 2, 4);
            assertThat(d.bareMessage()).contains("Q");
            DuetException t = errorAt("['svg' [] [['g' [['transform'\n [['rotate' 1 2]]]] []]]]", 1, 19);
            assertThat(t.bareMessage()).contains("transform command");
        }

        @Test
        void liveModeChecksNameTheShape() {
            DuetException e = errorAt("(def shape ['rect' [['x' 1]] []])\n(svg [shape])", 1, 13);
            assertThat(e.bareMessage()).contains("rect").contains("'y'");
        }
    }

    // ------------------------------------------------------------------------------------------------ prelude

    @Nested
    class ErrorsInsidePreludeFunctions {
        @Test
        void areReportedAtTheCallInTheProgram() {
            DuetException e = errorAt("(def xs [])\n(svg [(circle 'red' (hd xs) 0 1)])", 2, 21);
            assertThat(e.bareMessage()).contains("bad environment").contains("hd");
            DuetException n = errorAt("(nth 5 [])", 1, 1);
            assertThat(n.bareMessage()).containsIgnoringCase("bad arguments").contains("nth");
            DuetException m = errorAt("(def x 1)\n  (minimum [])", 2, 3);
            assertThat(m.bareMessage()).contains("minimum");
            assertThat(m.source().name()).isEqualTo("test.little");
        }

        @Test
        void errorsInTheProgramsOwnFunctionsCalledByThePreludeKeepTheirPosition() {
            DuetException e = errorAt("(def f (\\x (+ x 'a')))\n(map f [1 2])", 1, 13);
            assertThat(e.bareMessage()).contains("+").doesNotContain("prelude");
            DuetException p = errorAt("(map (\\[a b] a) [3])", 1, 8);
            assertThat(p.bareMessage()).contains("bad environment").doesNotContain("prelude");
            DuetException fold = errorAt("(foldl (\\(x acc)\n  (+ x acc)) 0 [1 'b'])", 2, 4);
            assertThat(fold.bareMessage()).doesNotContain("prelude");
        }

        @Test
        void aPreludeCallInsideTheProgramsFunctionIsReportedThere() {
            DuetException e = errorAt("(def g (\\x (hd x)))\n(g [])", 1, 12);
            assertThat(e.bareMessage()).contains("hd");
            DuetException m = errorAt("(map (\\x (hd x)) [[1] []])", 1, 10);
            assertThat(m.bareMessage()).contains("hd");
        }
    }

    // ------------------------------------------------------------------------------------------------ parsing

    @Nested
    class ParseErrors {
        @Test
        void formatHasFileLineColumnAndACaretExcerpt() {
            DuetException e = errorAt("(def x 1)\n(svg [(+ 1 2 3)])", 2, 14);
            String f = e.format("pic.little");
            String[] lines = f.split("\n");
            assertThat(lines[0]).startsWith("pic.little:2:14: ");
            assertThat(lines).hasSize(3);
            assertThat(lines[1]).isEqualTo("  (svg [(+ 1 2 3)])");
            assertThat(lines[2]).isEqualTo("  " + " ".repeat(13) + "^");
        }

        @Test
        void defAtTheEndOfTheProgram() {
            DuetException e = errorAt("(def x 3)", 1, 2);
            assertThat(e.bareMessage()).contains("def").contains("followed by");
            errorAt("(def y 1)\n(def x 3)\n", 2, 2);
        }

        @Test
        void commentBeforeAClosingBracket() {
            DuetException e = errorAt("[1 2\n; c\n]", 3, 1);
            assertThat(e.bareMessage()).containsIgnoringCase("comment");
            DuetException p = errorAt("(+ 1 2\n  ; c\n  )", 2, 3);
            assertThat(p.bareMessage()).containsIgnoringCase("comment");
        }

        @Test
        void trailingComment() {
            DuetException e = errorAt("(svg [])\n; the end\n", 2, 1);
            assertThat(e.bareMessage()).containsIgnoringCase("comment");
            errorAt("(svg [])\n; no final line feed", 2, 1);
        }

        @Test
        void unterminatedString() {
            DuetException e = error("(svg [(text 1 2\n  'abc)])");
            assertThat(e.bareMessage()).containsIgnoringCase("string").contains("2:3");
            assertThat(e.hasPosition()).isTrue();
            assertThat(e.line()).isEqualTo(2);
        }

        @Test
        void tooManyOperands() {
            DuetException e = errorAt("(+ 1 2 3)", 1, 8);
            assertThat(e.bareMessage()).containsIgnoringCase("parse error");
        }

        @Test
        void numberWithATrailingDot() {
            errorAt("5.", 1, 2);
            errorAt("[1 2.]", 1, 5);
        }

        @Test
        void bracketBarIsNotSyntax() {
            DuetException e = errorAt("[| 1 |]", 1, 2);
            assertThat(e.bareMessage()).containsIgnoringCase("parse error").contains("|");
        }

        @Test
        void lambdaMustFollowTheParenthesis() {
            errorAt("( \\x x)", 1, 3);
        }

        @Test
        void aProgramEndingWithAnOpenBracketIsMarkedAtTheBracket() {
            DuetException e = errorAt("(svg [\n", 1, 6);
            assertThat(e.bareMessage())
                    .isEqualTo("parse error: this '[' is never closed: the program ends (at 2:1) before its ']'");
        }

        @Test
        void theUnclosedBracketIsTheOneBeforeALineThatStartsFurtherLeft() {
            // the rect was not closed: the next definition, at the left margin, is read as its argument; the mark
            // goes to the rect's bracket, not to the end of the file
            String program = "(def x 3)\n(svg [(rect 'red' x 2 3 4\n(def y 5)\n";
            DuetException e = errorAt(program, 2, 7);
            assertThat(e.bareMessage()).contains("this '(' is never closed").contains("ends (at 4:1)");
            // nested lines indented deeper than the bracket's line are its contents, so the innermost open
            // bracket before the first line back at the margin is blamed
            errorAt("(svg [\n  (rect 'red' 1 2 3 4)\n  (rect 'red' 1 2 3 4)\n", 1, 6);
            errorAt("(def a (+ 1\n  2)\n(def b 3\n(svg []))\n", 1, 1); // (def a (+ 1 2)) was meant
        }

        @Test
        void bracketsInStringsAndCommentsDoNotCount() {
            errorAt("(svg [(text 1 2 'a ) ] (')\n; ) ]\n", 1, 6);
            // a string left open keeps its own message
            DuetException e = error("(svg [(text 1 2 'abc)])\n");
            assertThat(e.bareMessage()).contains("closing '");
        }

        @Test
        void malformedFormsBecomeUnknownVariables() {
            DuetException e = errorAt("(let x 1 2 3)", 1, 2);
            assertThat(e.bareMessage()).contains("variable not found: let");
        }

        @Test
        void textAfterTheProgram() {
            DuetException e = errorAt("(svg [])\n(svg [])", 2, 1);
            assertThat(e.bareMessage()).containsIgnoringCase("after the end of the program");
        }

        @ParameterizedTest(name = "100000 × {0}")
        @CsvSource(
                quoteCharacter = '"',
                value = {"(", "[", "\"(f \"", "\"(\\x \"", "\"(let x \""})
        void deepNestingIsAnErrorNotAStackOverflow(String open) {
            Throwable t = catchThrowable(() -> Renderer.render("deep.little", open.repeat(100_000)));
            assertThat(t).isInstanceOf(DuetException.class);
            DuetException e = (DuetException) t;
            assertThat(e.bareMessage()).contains("nested too deeply");
            assertThat(e.line()).isEqualTo(1);
        }

        @Test
        void deepButClosedNestingIsAlsoAnErrorOrFine() {
            String deep = "[".repeat(100_000) + "]".repeat(100_000);
            assertThat(catchThrowable(() -> Renderer.render("deep.little", deep)))
                    .isInstanceOf(DuetException.class);
            String ok = "(svg [(rect 'red' " + "(+ 1 ".repeat(2000) + "0" + ")".repeat(2000) + " 0 1 1)])";
            assertThat(Renderer.render("ok.little", ok).canvas.toSvg(true)).contains("x='2000'");
        }
    }

    // ------------------------------------------------------------------------------------------------ command line

    @Nested
    class CommandLineReports {
        private String[] runMain(String... args) {
            PrintStream oldOut = System.out, oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            int code;
            try {
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                code = Main.run(args);
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
            return new String[] {
                String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)
            };
        }

        @Test
        void aGoodFileRenders(@TempDir Path dir) throws Exception {
            Path f = dir.resolve("good.little");
            Files.writeString(f, "(svg [(rect 'red' 1 2 3 4)])");
            String[] r = runMain("render", f.toString());
            assertThat(r[0]).isEqualTo("0");
            assertThat(r[1]).startsWith("<svg xmlns='http://www.w3.org/2000/svg'>");
            assertThat(r[2]).isEmpty();
        }

        @Test
        void anEvaluationErrorIsReportedAsFileLineColumn(@TempDir Path dir) throws Exception {
            Path f = dir.resolve("bad.little");
            Files.writeString(f, "(def x 1)\n(svg [(rect 'red' nope 2 3 4)])\n");
            String[] r = runMain("render", f.toString());
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[1]).isEmpty();
            assertThat(r[2]).startsWith(f + ":2:19: variable not found: nope");
            assertThat(r[2]).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        }

        @Test
        void aParseErrorIsReportedAsFileLineColumn(@TempDir Path dir) throws Exception {
            Path f = dir.resolve("parse.little");
            Files.writeString(f, "(svg [\n  (+ 1 2 3)])");
            String[] r = runMain("render", "--ghosts", f.toString());
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2]).startsWith(f + ":2:10: ").contains("^");
            assertThat(r[2]).doesNotContain("Exception").doesNotContain("\tat ");
        }

        @Test
        void aConversionErrorWithoutPositionIsFileColonMessage(@TempDir Path dir) throws Exception {
            Path f = dir.resolve("conv.little");
            Files.writeString(f, "(svg [[1 2]])");
            String[] r = runMain("render", f.toString());
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2]).startsWith(f + ": expected an SVG node");
        }

        @Test
        void aStoppedEvaluationIsReported(@TempDir Path dir) throws Exception {
            Path f = dir.resolve("loop.little");
            Files.writeString(f, "(defrec loop (\\x (loop x))) (loop 1)");
            String[] r = runMain("render", "--max-steps", "1000", f.toString());
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2]).startsWith(f.toString()).contains("evaluation stopped after 1000 steps");
            assertThat(r[2]).doesNotContain("Exception");
        }

        @Test
        void aMissingFile(@TempDir Path dir) {
            Path f = dir.resolve("missing.little");
            String[] r = runMain("render", f.toString());
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[1]).isEmpty();
            assertThat(r[2].strip()).isEqualTo(f + ": no such file");
        }
    }
}
