package org.duet.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.duet.lang.DuetException;
import org.duet.lang.JsNumber;
import org.duet.lang.Program;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evaluation of every form of little (spec §2, §4), number printing (§9.3), colour numbers (§8.4) and the way a
 * value becomes SVG text (§8, §9): desugaring, ghosts, the space-before-newline rule, attribute encodings, the
 * live-mode checks, and slide shows.
 */
class EvaluationTest {

    // ------------------------------------------------------------------------------------------------ helpers

    static Interpreter.Result run(String program) {
        return Interpreter.run(Interpreter.parse("test.little", program), Limits.DEFAULT);
    }

    static Value eval(String program) {
        return run(program).value;
    }

    static String show(String program) {
        return eval(program).display();
    }

    static String svg(String program) {
        return Renderer.render("test.little", program).canvas.toSvg(true);
    }

    static String svgNoGhosts(String program) {
        return Renderer.render("test.little", program).canvas.toSvg(false);
    }

    static DuetException error(String program) {
        DuetException e = catchThrowableOfType(DuetException.class, () -> Renderer.render("test.little", program));
        assertThat(e).as("%s must fail", program).isNotNull();
        return e;
    }

    static final String XMLNS = "xmlns='http://www.w3.org/2000/svg'";

    /** The printed value of one attribute of a one-element drawing ['svg' [[name value]] []]. */
    static String attr(String name, String valueExpr) {
        String out = svg("['svg' [['" + name + "' " + valueExpr + "]] []]");
        Matcher m = Pattern.compile(" " + Pattern.quote(name) + "='([^']*)'").matcher(out);
        assertThat(m.find()).as("attribute %s in %s", name, out).isTrue();
        return m.group(1);
    }

    // ------------------------------------------------------------------------------------------------ forms

    @Nested
    class Bindings {
        @Test
        void letAndDef() {
            assertThat(show("(let x 3 (+ x 1))")).isEqualTo("4");
            assertThat(show("(def x 3)\n(def y 4)\n(+ x y)")).isEqualTo("7");
            assertThat(show("(let [a b] [1 2] (- a b))")).isEqualTo("-1");
            assertThat(show("(def [a b c] [1 2 3]) [c b a]")).isEqualTo("[3 2 1]");
            assertThat(show("( let  x  1  x )")).isEqualTo("1");
        }

        @Test
        void letIsNotRecursive() {
            assertThat(show("(let x 1 (let x (+ x 1) x))")).isEqualTo("2");
            DuetException e = error("(let f (\\n (if (= n 0) 0 (f (- n 1)))) (f 3))");
            assertThat(e.bareMessage()).contains("variable not found: f");
            assertThat(e.column()).isEqualTo(27);
        }

        @Test
        void laterDefinitionsShadowEarlierOnesForTheRestOnly() {
            assertThat(show("(def x 1) (def f (\\y x)) (def x 2) [(f 0) x]")).isEqualTo("[1 2]");
        }

        @Test
        void programsMayShadowPreludeNamesWithoutAffectingThePrelude() {
            assertThat(show("(def or (\\(a b) false)) (some (\\x true) [1])")).isEqualTo("true");
            assertThat(show("(def len 5) len")).isEqualTo("5");
            assertThat(svg("(def rect 3) (svg [(square 'red' 1 2 3)])"))
                    .contains("<rect x='1' y='2' width='3' height='3' fill='red'></rect>");
        }

        @Test
        void letrecAndDefrec() {
            assertThat(show("(letrec fact (\\n (if (< n 1) 1 (* n (fact (- n 1))))) (fact 5))"))
                    .isEqualTo("120");
            assertThat(show("(defrec fib (\\n (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))) (fib 15)"))
                    .isEqualTo("610");
        }

        @Test
        void recursiveFunctionsMayBeCurried() {
            assertThat(show("(defrec sum (\\(acc xs) (case xs ([] acc) ([x | rest] (sum (+ acc x) rest)))))"
                            + " (sum 0 [1 2 3 4])"))
                    .isEqualTo("10");
        }

        @Test
        void duplicateNamesInOnePatternTheLaterWins() {
            assertThat(show("(let [a a] [1 2] a)")).isEqualTo("2");
        }

        @Test
        void underscoreBindsButCannotBeReferred() {
            assertThat(show("(let [_ b] [1 2] b)")).isEqualTo("2");
            assertThat(error("(let _ 3 _)").bareMessage()).containsIgnoringCase("parse error");
        }

        @Test
        void trueFalseNullAreVariablesInPatterns() {
            assertThat(show("(case 7 (true 'a'))")).isEqualTo("'a'");
            assertThat(show("(case false (true 'a') (_ 'b'))")).isEqualTo("'a'");
            assertThat(show("((\\null 5) 3)")).isEqualTo("5");
            // but in expressions they are the literals
            assertThat(show("(let true 3 true)")).isEqualTo("true");
        }
    }

    @Nested
    class Functions {
        @Test
        void curriedFunctionsAndPartialApplication() {
            assertThat(show("((\\(a b c) (+ a (+ b c))) 1 2 3)")).isEqualTo("6");
            assertThat(show("(let add3 (\\(a b c) (+ a (* b c))) (let f (add3 1) (let g (f 2) (g 3))))"))
                    .isEqualTo("7");
            assertThat(show("(let add (\\(a b) (+ a b)) ((add 1) 2))")).isEqualTo("3");
            assertThat(eval("(let add (\\(a b) (+ a b)) (add 1))")).isInstanceOf(Value.Closure.class);
        }

        @Test
        void overApplicationAppliesTheResult() {
            assertThat(show("((\\x (\\y (- x y))) 10 3)")).isEqualTo("7");
            assertThat(show("((\\f f) (\\x (* x 2)) 21)")).isEqualTo("42");
        }

        @Test
        void closuresCaptureTheirEnvironment() {
            assertThat(show("(let mk (\\n (\\x (+ x n))) (let add5 (mk 5) (let n 100 (add5 1))))"))
                    .isEqualTo("6");
        }

        @Test
        void parameterPatterns() {
            assertThat(show("((\\[a b] (- a b)) [5 2])")).isEqualTo("3");
            assertThat(show("((\\([a b] [c d]) [a b c d]) [1 2] [3 4])")).isEqualTo("[1 2 3 4]");
            assertThat(show("((\\[x | rest] rest) [1 2 3])")).isEqualTo("[2 3]");
        }

        @Test
        void functionThenArgumentsAreEvaluatedLeftToRight() {
            Interpreter.Result r = run("((debug (\\(a b) a)) (debug 1) (debug 2))");
            assertThat(r.debugLog).containsExactly("<fun>", "1", "2");
            assertThat(r.value.display()).isEqualTo("1");
        }

        @Test
        void preludeFunctionsWork() {
            assertThat(show("(map (\\x (* x x)) [1 2 3])")).isEqualTo("[1 4 9]");
            assertThat(show("(foldl plus 0 (range 1 10))")).isEqualTo("55");
            assertThat(show("(len (zeroTo 10))")).isEqualTo("10");
            assertThat(show("(reverse [1 2 3])")).isEqualTo("[3 2 1]");
            assertThat(show("(range 1.5 4)")).isEqualTo("[1.5 2.5 3.5 4.5]");
            assertThat(show("(joinStrings ',' ['a' ''])")).isEqualTo("'a'");
            assertThat(show("(strList [1 'a' true])")).isEqualTo("'1 'a' true'");
            assertThat(show("(nth [] 5)")).isEqualTo("null");
        }

        @Test
        void theThreeBrokenPreludeDefinitionsAreFixed() {
            // spec §0: Duet fixes elem, lineMidPoint and addExtras
            assertThat(show("(elem 2 [1 2 3])")).isEqualTo("true");
            assertThat(show("(elem 5 [1 2 3])")).isEqualTo("false");
            assertThat(show("(lineMidPoint (line 'red' 1 0 0 10 20))")).isEqualTo("[5 10]");
        }

        @Test
        void tailRecursionRunsInConstantDepth() {
            assertThat(show("(defrec loop (\\(i acc) (if (< i 1) acc (loop (- i 1) (+ acc 1))))) (loop 300000 0)"))
                    .isEqualTo("300000");
        }
    }

    @Nested
    class Conditionals {
        @Test
        void ifEvaluatesOnlyTheChosenBranch() {
            Interpreter.Result r = run("(if true 1 (debug 2))");
            assertThat(r.value.display()).isEqualTo("1");
            assertThat(r.debugLog).isEmpty();
            assertThat(show("(if false (hd []) 2)")).isEqualTo("2");
            assertThat(show("(if (< 1 2) 'yes' 'no')")).isEqualTo("'yes'");
        }

        @Test
        void caseTakesTheFirstMatchingBranch() {
            assertThat(show("(case 3 (3 'three') (_ 'other'))")).isEqualTo("'three'");
            assertThat(show("(case 4 (3 'three') (_ 'other'))")).isEqualTo("'other'");
            assertThat(show("(case 'ab' ('ab' 1) (_ 2))")).isEqualTo("1");
            assertThat(show("(case -0 (0 'zero') (_ 'other'))")).isEqualTo("'zero'");
            assertThat(show("(case [1 2] ([a] 'one') ([a b] 'two') (_ 'many'))"))
                    .isEqualTo("'two'");
            assertThat(show("(case 3 ([] 'empty') (_ 'other'))")).isEqualTo("'other'");
        }

        @Test
        void stringPatternsFailQuietlyOnBooleansAndNull() {
            assertThat(show("(case true ('x' 1) (_ 2))")).isEqualTo("2");
            assertThat(show("(case null ('x' 1) (_ 2))")).isEqualTo("2");
        }

        @Test
        void caseIsStrictEveryPatternIsMatched() {
            // v0.5.2 matches every branch's pattern before choosing; a crash in a later one happens regardless
            DuetException e = error("(case 1 (1 'one') ('x' 'str'))");
            assertThat(e.bareMessage()).contains("'x'");
            assertThat(e.column()).isEqualTo(20);
            DuetException f = error("(case [1 2] ([0 'a'] 1) (_ 2))");
            assertThat(f.bareMessage()).contains("'a'");
            assertThat(f.column()).isEqualTo(17);
        }

        @Test
        void listPatternsWithTails() {
            assertThat(show("(case [1 2 3] ([a | rest] [a rest]))")).isEqualTo("[1 [2 3]]");
            assertThat(show("(case [1 2] ([a b | rest] rest))")).isEqualTo("[]");
            assertThat(show("(case [1] ([a b | rest] 'long') (_ 'short'))")).isEqualTo("'short'");
            assertThat(show("(case [1 2 3 4] ([a b | [c | d]] [d c b a]))")).isEqualTo("[[4] 3 2 1]");
        }

        @Test
        void asPatterns() {
            assertThat(show("(case [1 2] (xs@[a b] [xs a b]))")).isEqualTo("[[1 2] 1 2]");
            assertThat(show("(case [1 2] (xs @ [a b] xs))")).isEqualTo("[1 2]");
            assertThat(show("(let shape@[kind _ _] ['rect' [] []] [kind (len shape)])"))
                    .isEqualTo("['rect' 3]");
            assertThat(show("(case [1 2 3] (all@[x | _] [x all]))")).isEqualTo("[1 [1 2 3]]");
        }

        @Test
        void typecase() {
            assertThat(show("(let x 3 (typecase x (String 's') (Num 'n')))")).isEqualTo("'n'");
            assertThat(show("(let x 'a' (typecase x (Num 'n') (String 's')))")).isEqualTo("'s'");
            assertThat(show("(let x true (typecase x (Bool 'b') (_ 'other')))")).isEqualTo("'b'");
            assertThat(show("(let x null (typecase x (Null 'null') (_ 'other')))"))
                    .isEqualTo("'null'");
            assertThat(show("(let x [] (typecase x (Num 'n') (_ 'other')))")).isEqualTo("'other'");
        }

        @Test
        void typecaseOnListsUnionsAndTuples() {
            assertThat(show("(let x [1 2] (typecase x ((List Num) 'nums') (_ 'other')))"))
                    .isEqualTo("'nums'");
            assertThat(show("(let x [] (typecase x ((List Num) 'nums') (_ 'other')))"))
                    .isEqualTo("'nums'");
            assertThat(show("(let x [1 'a'] (typecase x ((List Num) 'nums') (_ 'other')))"))
                    .isEqualTo("'other'");
            assertThat(show("(let x 3 (typecase x (String 1) ((union Bool Num) 2)))"))
                    .isEqualTo("2");
            assertThat(show("(let x [1 'a'] (typecase x ([Num String] 'pair') (_ 'other')))"))
                    .isEqualTo("'pair'");
            assertThat(show("(let [a b] [1 'x'] (typecase [a b] ([String Num] 1) ([Num String] 2)))"))
                    .isEqualTo("2");
            assertThat(show("(let [a b c] [1 'x' 'y'] (typecase [a b c] ([Num String] 1) ([Num | String] 2)))"))
                    .isEqualTo("2");
        }

        @Test
        void typecaseAgainstATypeAliasIsAnErrorEvenAfterAMatch() {
            DuetException e = error("(let x 3 (typecase x (Num 1) (Point 2)))");
            assertThat(e.bareMessage()).contains("Point");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(31);
            DuetException v = error("(let x 3 (typecase x (a 1)))");
            assertThat(v.bareMessage()).contains("type variable");
        }
    }

    @Nested
    class Syntax {
        @Test
        void commentsPrefixExpressions() {
            assertThat(show("; a program\n(+ 1 2)")).isEqualTo("3");
            assertThat(show("[1 ; one\n 2]")).isEqualTo("[1 2]");
            assertThat(show("(let x ; the value\n 3 ; the body\n x)")).isEqualTo("3");
            assertThat(show("(def x 1) ; next\n(case x (1 ; branch\n 'one'))")).isEqualTo("'one'");
            assertThat(show("(+ ; first\n 1 ; second\n 2)")).isEqualTo("3");
        }

        @Test
        void optionLines() {
            Program p = Interpreter.parse("test.little", "# unannotated-numbers: n!\n# unknown: option\n(+ 1 2)");
            assertThat(Interpreter.run(p, Limits.DEFAULT).value.display()).isEqualTo("3");
            assertThat(p.unannotatedFrozen()).isTrue();
            assertThat(p.options()).containsEntry("unannotated-numbers", "n!").containsEntry("unknown", "option");
            Program q = Interpreter.parse("test.little", "# unannotated-numbers: n?\n3");
            assertThat(q.unannotatedFrozen()).isFalse();
        }

        @Test
        void typeDeclarationsAndAnnotationsAreIgnored() {
            assertThat(show("(typ f (-> Num Num))\n(def f (\\x x))\n(f 3)")).isEqualTo("3");
            assertThat(show("(def Pt [Num Num]) (def [A B] Num) 3")).isEqualTo("3");
            assertThat(show("((3 : Num) : Num)")).isEqualTo("3");
            assertThat(show("([1 2] : Point)")).isEqualTo("[1 2]");
            assertThat(show("(typ xs (List (union Num String))) (def xs [1 'a']) xs"))
                    .isEqualTo("[1 'a']");
            assertThat(show("(typ f (forall a (-> a a))) (def f (\\x x)) (f 'id')"))
                    .isEqualTo("'id'");
        }

        @Test
        void numberLiteralForms() {
            assertThat(show("[15!{3-30} 1? 2~ 0.5{0.0-1.0} 10{-10-10} 007 -0 2.50]"))
                    .isEqualTo("[15 1 2 0.5 10 7 0 2.5]");
            assertThat(show("[3x]")).isEqualTo("[3 <fun>]");
        }

        @Test
        void stringEscapesTakeTheNextCharacterLiterally() {
            assertThat(((Value.Str) eval("'it\\'s'")).v).isEqualTo("it's");
            assertThat(((Value.Str) eval("\"a\\\"b\"")).v).isEqualTo("a\"b");
            assertThat(((Value.Str) eval("'a\\\\b'")).v).isEqualTo("a\\b");
            assertThat(((Value.Str) eval("'a\\nb'")).v).isEqualTo("anb");
            assertThat(((Value.Str) eval("'two\nlines'")).v).isEqualTo("two\nlines");
        }

        @Test
        void identifiersStartingWithTrueFalseNullBreakExpressions() {
            assertThat(error("(toString nullable)").bareMessage()).contains("variable not found: toString");
        }

        @Test
        void operatorWordsAreOnlyOperatorsAfterAParenthesis() {
            assertThat(show("(let round 5 round)")).isEqualTo("5");
            assertThat(show("(let round (\\x 0) (round 2.7))")).isEqualTo("3");
        }
    }

    // ------------------------------------------------------------------------------------------------ numbers

    @Nested
    class NumberPrinting {
        @ParameterizedTest(name = "{1}")
        @CsvSource({
            "0x4415af1d78b58c40, 100000000000000000000",
            "0x444b1ae4d6e2ef50, 1e+21",
            "0x3eb0c6f7a0b5ed8d, 0.000001",
            "0x3e7ad7f29abcaf48, 1e-7",
            "0x3eb92a737110e454, 0.0000015",
            "0x3e8421f5f40d8376, 1.5e-7",
            "0x3fd3333333333334, 0.30000000000000004",
            "0x3fd5555555555555, 0.3333333333333333",
            "0x40c81cd6c8b43958, 12345.678",
            "0xc00a000000000000, -3.25",
            "0x3ca1a62633145c07, 1.2246467991473532e-16",
            "0x404b414141414141, 54.509803921568626",
            "0xbfe0000000000000, -0.5",
            "0x4004000000000000, 2.5",
            "0x0000000000000001, 5e-324",
            "0x0000000000000003, 1.5e-323",
            "0x0000000000000007, 3.5e-323",
            "0x0010000000000000, 2.2250738585072014e-308",
            "0x7fefffffffffffff, 1.7976931348623157e+308",
            "0x4340000000000000, 9007199254740992",
            "0x4340000000000001, 9007199254740994",
            "0x43e0000000000000, 9223372036854776000",
            "0x4450000000000000, 1.1805916207174113e+21",
            "0x441ac53a7e04bcda, 123456789012345680000",
            "0x44ba249b1f10a06d, 1.2345678901234569e+23",
            "0x3eb0000000000000, 9.5367431640625e-7",
            "0x3fb999999999999a, 0.1",
            "0x4059000000000000, 100",
            "0x54b249ad2594c37d, 1e+100",
            "0x3e10000000000000, 9.313225746154785e-10",
            "0x400921fb54442d18, 3.141592653589793",
            "0x4005bf0a8b145769, 2.718281828459045",
            "0x3ff6a09e667f3bcd, 1.4142135623730951",
            "0x4011666666666666, 4.35",
            "0x3eb4b3fd5942cd96, 0.000001234",
            "0x3ec92a737110e454, 0.000003",
            "0x3c36b082c2148b8e, 1.23e-18",
            "0x4454542ba12a337c, 1.5e+21",
            "0x444b1ae4d6e2ef4f, 999999999999999900000",
            "0x3ea0c6f7a0b5ed8d, 5e-7",
            "0x3fd3333333333333, 0.3",
            "0x3fefffffffffffff, 0.9999999999999999",
            "0x447c7e83209e90b2, 8.41e+21",
            "0x44c52d02c7e14af6, 2e+23",
            "0x44b52d02c7e14af6, 1e+23",
            "0x3f06ce789e774eec, 0.0000435",
            "0x3ff199999999999a, 1.1",
            "0x3f7cac083126e979, 0.007",
            "0x3ee4f8b588e368f1, 0.00001",
            "0x40fe240b33333333, 123456.7",
            "0x430c6bf526340002, 1000000000000000.2",
            "0x4480f0cf064dd592, 1e+22",
        })
        void jsNumberToStringMatchesV8(String bits, String expected) {
            double x = Double.longBitsToDouble(Long.parseUnsignedLong(bits.substring(2), 16));
            assertThat(JsNumber.toString(x)).isEqualTo(expected);
            String negated = expected.startsWith("-") ? expected.substring(1) : "-" + expected;
            assertThat(JsNumber.toString(-x)).isEqualTo(negated);
        }

        @Test
        void specialValues() {
            assertThat(JsNumber.toString(Double.NaN)).isEqualTo("NaN");
            assertThat(JsNumber.toString(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
            assertThat(JsNumber.toString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
            assertThat(JsNumber.toString(0.0)).isEqualTo("0");
            assertThat(JsNumber.toString(-0.0)).isEqualTo("0");
            assertThat(JsNumber.toString(7)).isEqualTo("7");
            assertThat(JsNumber.toString(-7)).isEqualTo("-7");
        }

        @Test
        void everyPrintedFormReadsBackAsTheSameDouble() {
            java.util.Random r = new java.util.Random(42);
            for (int i = 0; i < 20000; i++) {
                double x = Double.longBitsToDouble(r.nextLong());
                if (Double.isNaN(x) || Double.isInfinite(x)) continue;
                String s = JsNumber.toString(x);
                assertThat(Double.parseDouble(s)).as(s).isEqualTo(x == 0 ? 0.0 : x);
                assertThat(s).doesNotContain("E").doesNotEndWith(".0");
            }
        }

        @ParameterizedTest(name = "{0} prints {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "(* 10000000000 10000000000)     | 100000000000000000000",
                    "(* 1000000000 1000000000000)    | 1e+21",
                    "(/ 1 1000000)                   | 0.000001",
                    "(/ 1 10000000)                  | 1e-7",
                    "(/ 1.5 1000000)                 | 0.0000015",
                    "(/ 1.5 10000000)                | 1.5e-7",
                    "(+ 0.1 0.2)                     | 0.30000000000000004",
                    "(sin (pi))                      | 1.2246467991473532e-16",
                    "(* (/ 139 255) 100)             | 54.509803921568626",
                    "12345.678                       | 12345.678",
                    "-3.25                           | -3.25",
                    "-0.5                            | -0.5",
                    "2.50                            | 2.5",
                    "007                             | 7",
                    "-0                              | 0",
                })
        void programsPrintNumbersLikeJavaScript(String expr, String expected) {
            assertThat(show(expr)).isEqualTo(expected);
            assertThat(attr("x", expr)).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------------------------------------ colours

    @Nested
    class ColourNumbers {
        /** JS Math.round for the non-negative or small values used here. */
        private long jsRound(double x) {
            return (long) Math.floor(x + 0.5);
        }

        /** C(j) of spec §8.4, written independently of the implementation. */
        private long[] c(long j) {
            if (0 <= j && j < 360) {
                double n = j;
                long s = (long) Math.floor(n / 60);
                switch ((int) s) {
                    case 0:
                        return new long[] {200, jsRound(55 + 145 * (1 - (60 - n) / 60)), 55};
                    case 1:
                        return new long[] {jsRound(200 - 145 * (1 - (120 - n) / 60)), 200, 55};
                    case 2:
                        return new long[] {55, 200, jsRound(55 + 145 * (1 - (180 - n) / 60))};
                    case 3:
                        return new long[] {55, jsRound(200 - 145 * (1 - (240 - n) / 60)), 200};
                    case 4:
                        return new long[] {jsRound(55 + 145 * (1 - (300 - n) / 60)), 55, 200};
                    default:
                        return new long[] {200, 55, jsRound(200 - 145 * (1 - (360 - n) / 60))};
                }
            }
            if (360 <= j && j < 380) return new long[] {0, 0, 0};
            if (480 <= j && j < 500) return new long[] {255, 255, 255};
            long x = jsRound(255 * ((j - 380) / 100.0));
            return new long[] {x, x, x};
        }

        private String rgba(long[] c, String alpha) {
            return "rgba(" + c[0] + ", " + c[1] + ", " + c[2] + ", " + alpha + ")";
        }

        @ParameterizedTest(name = "fill {0} -> {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "0           | rgba(200, 55, 55, 1)",
                    "0.9         | rgba(200, 55, 55, 1)",
                    "1           | rgba(200, 57, 55, 1)",
                    "359         | rgba(200, 55, 57, 1)",
                    "59.5        | rgba(200, 198, 55, 1)",
                    "60          | rgba(200, 200, 55, 1)",
                    "359.5       | rgba(200, 55, 57, 1)",
                    "360         | rgba(0, 0, 0, 1)",
                    "370         | rgba(0, 0, 0, 1)",
                    "379.9       | rgba(0, 0, 0, 1)",
                    "380         | rgba(0, 0, 0, 1)",
                    "381         | rgba(3, 3, 3, 1)",
                    "479.5       | rgba(252, 252, 252, 1)",
                    "480         | rgba(255, 255, 255, 1)",
                    "499.9       | rgba(255, 255, 255, 1)",
                    "-0.5        | rgba(0, 0, 0, 1)",
                    "-1          | rgba(0, 0, 0, 1)",
                    "500         | rgba(0, 0, 0, 1)",
                    "1000        | rgba(0, 0, 0, 1)",
                    "[0.5 0.3]   | rgba(200, 57, 55, 0.3)",
                    "[-1 0.5]    | rgba(-972, -972, -972, 0.5)",
                    "[500 1]     | rgba(306, 306, 306, 1)",
                    "[600 0.2]   | rgba(561, 561, 561, 0.2)",
                    "[720 1]     | rgba(867, 867, 867, 1)",
                    "[-10 1]     | rgba(-994, -994, -994, 1)",
                    "[479.4 1]   | rgba(252, 252, 252, 1)",
                    "[359.5 1]   | rgba(0, 0, 0, 1)",
                    "[22 74 237 0.5] | rgba(22, 74, 237, 0.5)",
                    "[300 -5 1.5 2]  | rgba(300, -5, 1.5, 2)",
                })
        // The spec's table also lists [479.5 1] -> 306 and [-0.6 1] -> -994, which contradict its own rule
        // (R(479.5) = 480 is white; R(-0.6) = -1 gives -972); they are left out, the rule is tested below.
        void verifiedExamples(String value, String expected) {
            assertThat(attr("fill", value)).isEqualTo(expected);
            assertThat(attr("stroke", value)).isEqualTo(expected);
        }

        @Test
        void tableRuleFloorsAndClampsToBlack() {
            for (int j = 0; j < 500; j++) {
                assertThat(attr("fill", String.valueOf(j))).as("fill %d", j).isEqualTo(rgba(c(j), "1"));
                assertThat(attr("fill", j + ".75")).as("fill %d.75", j).isEqualTo(rgba(c(j), "1"));
            }
        }

        @Test
        void opacityRuleRoundsAndDoesNotClamp() {
            for (int j = -20; j < 620; j += 3) {
                assertThat(attr("fill", "[" + j + " 0.25]"))
                        .as("fill [%d 0.25]", j)
                        .isEqualTo(rgba(c(j), "0.25"));
            }
        }

        @Test
        void otherAttributesPrintNumbersPlainly() {
            assertThat(attr("opacity", "0.5")).isEqualTo("0.5");
            assertThat(attr("fill", "'red'")).isEqualTo("red");
        }
    }

    // ------------------------------------------------------------------------------------------------ svg output

    @Nested
    class SvgOutput {
        static final String TEXT_ATTRS = "style='fill:black' font-family='Tahoma, sans-serif'";

        @Test
        void specExample() {
            String program = "(svg [(rect 'red' 10 20 30 40) (ghost (circle 0 5 5 2)) (text 1 2 'hi')])";
            assertThat(svg(program))
                    .isEqualTo("<svg " + XMLNS + ">\n"
                            + "  <rect x='10' y='20' width='30' height='40' fill='red'></rect>\n"
                            + "  <circle cx='5' cy='5' r='2' fill='rgba(200, 55, 55, 1)'></circle>\n"
                            + "  <text x='1' y='2' " + TEXT_ATTRS + ">\n"
                            + "    hi\n"
                            + "  </text>\n"
                            + "</svg>");
            assertThat(svgNoGhosts(program))
                    .isEqualTo("<svg " + XMLNS + ">\n"
                            + "  <rect x='10' y='20' width='30' height='40' fill='red'></rect>\n"
                            + "  <text x='1' y='2' " + TEXT_ATTRS + ">\n"
                            + "    hi\n"
                            + "  </text>\n"
                            + "</svg>");
        }

        @Test
        void textWithTrailingSpacesLosesThemAndTheLineFeed() {
            assertThat(svg("(svg [(text 1 2 'trailing   ')])"))
                    .isEqualTo("<svg " + XMLNS + ">\n"
                            + "  <text x='1' y='2' " + TEXT_ATTRS + ">\n"
                            + "    trailing  </text>\n"
                            + "</svg>");
        }

        @Test
        void emptyTextAndEmbeddedSpaceLineFeed() {
            assertThat(svg("(svg [(text 1 2 '')])"))
                    .isEqualTo("<svg " + XMLNS + ">\n"
                            + "  <text x='1' y='2' " + TEXT_ATTRS + ">\n"
                            + "  </text>\n"
                            + "</svg>");
            assertThat(svg("(svg [(text 1 2 'line  \nx')])")).contains("\n    linex\n");
            assertThat(svg("(svg [(text 1 2 'a\nb')])")).contains("\n    a\nb\n");
        }

        @Test
        void whitespaceInsideAttributeValues() {
            assertThat(svg("['svg' [['class' 'a  \nb']] []]")).isEqualTo("<svg " + XMLNS + " class='ab'></svg>");
        }

        @Test
        void ghostsHiddenLeaveNoLine() {
            String program = "(svg [(ghost (rect 'red' 1 2 3 4)) (circle 'blue' 1 2 3) (ghost (circle 0 5 5 2))])";
            assertThat(svgNoGhosts(program))
                    .isEqualTo("<svg " + XMLNS + ">\n"
                            + "  <circle cx='1' cy='2' r='3' fill='blue'></circle>\n"
                            + "</svg>");
            assertThat(svg(program)).doesNotContain("HIDDEN").contains("<rect ");
        }

        @Test
        void aParentWhoseChildrenAreAllHidden() {
            String program = "['svg' [] [['g' [] [(ghost (circle 0 5 5 2)) (ghost (circle 0 5 5 2))]]]]";
            assertThat(svgNoGhosts(program)).isEqualTo("<svg " + XMLNS + ">\n" + "  <g>\n" + "  </g>\n" + "</svg>");
            assertThat(svgNoGhosts("(svg [(ghost (circle 0 5 5 2))])")).isEqualTo("<svg " + XMLNS + ">\n</svg>");
            // a ghost root leaves an empty drawing, still an SVG document (v0.5.2 printed nothing)
            assertThat(svgNoGhosts("(ghost (svg []))")).isEqualTo("<svg " + XMLNS + "></svg>");
        }

        @Test
        void ghostsShownPrintWithoutHidden() {
            assertThat(svg("(svg [(ghost (circle 0 5 5 2))])"))
                    .isEqualTo("<svg " + XMLNS + ">\n"
                            + "  <circle cx='5' cy='5' r='2' fill='rgba(200, 55, 55, 1)'></circle>\n"
                            + "</svg>");
        }

        @Test
        void hiddenAndZonesAreRemovedEverywhere() {
            assertThat(svg("['svg' [] [['g' [['ZONES' 'none'] ['fill' 'red'] ['HIDDEN' ''] ['ZONES' 'basic'] "
                            + "['HIDDEN' 'x']] []]]]"))
                    .isEqualTo("<svg " + XMLNS + ">\n  <g fill='red'></g>\n</svg>");
            assertThat(svg("(svg (zones 'basic' [(circle 'red' 1 2 3)]))")).doesNotContain("ZONES");
        }

        @Test
        void nestedSvgElementsGetXmlnsFirst() {
            assertThat(svg("['svg' [['width' 10]] [['g' [] [['svg' [['x' 1]] []]]]]]"))
                    .isEqualTo("<svg " + XMLNS + " width='10'>\n"
                            + "  <g>\n"
                            + "    <svg " + XMLNS + " x='1'></svg>\n"
                            + "  </g>\n"
                            + "</svg>");
        }

        @Test
        void nonSvgRoots() {
            assertThat(svg("['g' [['fill' 'red']] []]")).isEqualTo("<g fill='red'></g>");
            // a text node alone is no SVG document: an error says how to draw text
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> svg("['TEXT' 'just text']")))
                    .isInstanceOf(DuetException.class)
                    .hasMessageContaining("not a drawing");
            assertThat(svg("(svg [])")).isEqualTo("<svg " + XMLNS + "></svg>");
        }

        @Test
        void attributeOrderIsKept() {
            assertThat(svg("['svg' [] [['rect' [['height' 4] ['fill' 'red'] ['x' 1] ['width' 3] ['y' 2]] []]]]"))
                    .contains("<rect height='4' fill='red' x='1' width='3' y='2'></rect>");
        }

        @Test
        void duplicateAttributesAreWrittenOnceLastValueWins() {
            String out = svg("['svg' [] [['g' [['fill' 'red'] ['stroke' 'blue'] ['fill' 'green']] []]]]");
            assertThat(out).contains("<g fill='green' stroke='blue'></g>");
            String rot = svg("(svg [(rotate (rotate (rect 'red' 0 0 10 10) 1 2 3) 4 5 6)])");
            assertThat(rot).contains("transform='rotate(4 5 6)'").doesNotContain("rotate(1 2 3)");
        }

        @Test
        void boxAndOvalAreDesugared() {
            String out = svg(
                    "['svg' [] [['BOX' [['fill' 'red'] ['LEFT' 1] ['TOP' 2] ['RIGHT' 13] ['BOT' 24] "
                            + "['LEFT' 99]] []] ['OVAL' [['LEFT' 1] ['TOP' 2] ['RIGHT' 13] ['BOT' 24] ['stroke' 'blue']] []]]]");
            assertThat(out)
                    .isEqualTo("<svg " + XMLNS + ">\n"
                            + "  <rect x='1' y='2' width='12' height='22' fill='red' LEFT='99'></rect>\n"
                            + "  <ellipse cx='7' cy='13' rx='6' ry='11' stroke='blue'></ellipse>\n"
                            + "</svg>");
        }

        @Test
        void boxDesugaringUsesJavaScriptArithmetic() {
            assertThat(svg("['svg' [] [['OVAL' [['LEFT' 0.1] ['TOP' 0] ['RIGHT' 0.4] ['BOT' 1]] []]]]"))
                    .contains("<ellipse cx='0.25' cy='0.5' rx='0.15000000000000002' ry='0.5'></ellipse>");
        }

        @Test
        void ghostBoxesAreHiddenAfterDesugaring() {
            String program = "['svg' [] [['BOX' [['HIDDEN' ''] ['LEFT' 1] ['TOP' 2] ['RIGHT' 3] ['BOT' 4]] []]]]";
            assertThat(svg(program)).contains("<rect x='1' y='2' width='2' height='2'></rect>");
            assertThat(svgNoGhosts(program)).isEqualTo("<svg " + XMLNS + ">\n</svg>");
        }

        @Test
        void boxWithoutAllFourBoundsIsAnError() {
            DuetException e = error("['svg' [] [\n ['BOX' [['LEFT' 1] ['TOP' 2] ['RIGHT' 3]] []]]]");
            assertThat(e.bareMessage()).contains("BOX").contains("BOT");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(3);
            DuetException o = error("['svg' [] [['OVAL' [['LEFT' 1] ['TOP' 2] ['RIGHT' 3] ['BOT' 'x']] []]]]");
            assertThat(o.bareMessage()).contains("OVAL");
        }

        @Test
        void numbersInAttributesPrintLikeJavaScript() {
            assertThat(attr("x", "(/ 1 3)")).isEqualTo("0.3333333333333333");
            assertThat(attr("x", "(/ 1 0)")).isEqualTo("Infinity");
            assertThat(attr("BOUNDS", "[1 2.5 -3 (/ 1 3)]")).isEqualTo("1 2.5 -3 0.3333333333333333");
        }
    }

    @Nested
    class PathsTransformsPoints {
        @Test
        void pathEncoding() {
            assertThat(attr("d", "['M' 10 10 'C' 20 20 40 20 50 10 'Z']")).isEqualTo("M 10 10 C 20 20 40 20 50 10 Z");
            assertThat(attr("d", "[]")).isEmpty();
            assertThat(attr(
                            "d",
                            "['M' 0 0 'L' 1 1 'H' 2 'V' 3 'Q' 1 2 3 4 'S' 1 2 3 4 'T' 5 6 "
                                    + "'A' 1 2 3 0 1 7 8 'z' 'm' 1 2 'l' 1 2 'h' 1 'v' 1 'c' 1 2 3 4 5 6 's' 1 2 3 4 'q' 1 2 3 4 "
                                    + "'t' 1 2 'a' 1 2 3 4 5 6 7 'Z']"))
                    .isEqualTo("M 0 0 L 1 1 H 2 V 3 Q 1 2 3 4 S 1 2 3 4 T 5 6 A 1 2 3 0 1 7 8 z m 1 2 l 1 2 h 1 v 1 "
                            + "c 1 2 3 4 5 6 s 1 2 3 4 q 1 2 3 4 t 1 2 a 1 2 3 4 5 6 7 Z");
            assertThat(attr("d", "['M' 0.5 (/ 1 3)]")).isEqualTo("M 0.5 0.3333333333333333");
            assertThat(attr("d", "'M 0 0 L 1 1'")).isEqualTo("M 0 0 L 1 1");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "['M' 1 2 'X' 3]     | 'X'",
                    "['ML' 1 2]          | 'ML'",
                    "['' 1 2]            | ''",
                    "[1 2]               | 1",
                    "['M' 1]             | M",
                    "['M' 1 'a']         | M",
                    "['M' 1 2 3 4]       | 3",
                    "['C' 1 2 3 4 5]     | C",
                    "[['M' 1 2]]         | ['M' 1 2]",
                })
        void pathErrors(String d, String mentioned) {
            DuetException e = error("['svg' [] [\n  ['path' [['d' " + d + "]] []]]]");
            assertThat(e.bareMessage()).containsIgnoringCase("path").contains(mentioned);
            assertThat(e.line()).as("line of the 'd' literal").isEqualTo(2);
            assertThat(e.column()).isEqualTo(13);
        }

        @Test
        void transformEncoding() {
            assertThat(attr("transform", "[['scale' 1 2] ['translate' 3 4] ['rotate' 5 6 7]]"))
                    .isEqualTo("scale(1 2) translate(3 4) rotate(5 6 7)");
            assertThat(attr("transform", "[]")).isEmpty();
            assertThat(attr("transform", "[['rotate' 0.5 (/ 1 3) -1]]")).isEqualTo("rotate(0.5 0.3333333333333333 -1)");
            assertThat(attr("transform", "'rotate(10)'")).isEqualTo("rotate(10)");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "[['rotate' 1 2]]",
                    "[['rotate' 1 2 3 4]]",
                    "[['scale' 1]]",
                    "[['translate' 1 2 3]]",
                    "[['skew' 1 2]]",
                    "[['scale' 1 'a']]",
                    "[5]",
                    "[[]]",
                    "[[1 2 3]]",
                    "['rotate' 1 2 3]"
                })
        void transformErrors(String t) {
            DuetException e = error("['svg' [] [\n  ['g' [['transform' " + t + "]] []]]]");
            assertThat(e.bareMessage()).contains("transform command");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(10);
        }

        @Test
        void pointsEncoding() {
            assertThat(attr("points", "[[1 2] [3 4] [0.5 (/ 1 3)]]")).isEqualTo("1,2 3,4 0.5,0.3333333333333333");
            assertThat(attr("points", "[]")).isEmpty();
            assertThat(attr("points", "'1,2 3,4'")).isEqualTo("1,2 3,4");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "[[1 2] [3]]           | [3]",
                    "[[1 2 3]]             | [1 2 3]",
                    "[[1 'a']]             | [1 'a']",
                    "[5]                   | 5",
                    "[[1 2] 'x']           | 'x'",
                })
        void pointsErrors(String pts, String mentioned) {
            DuetException e = error("['svg' [] [\n  ['polygon' [['points' " + pts + "]] []]]]");
            assertThat(e.bareMessage()).contains("point").contains(mentioned);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(16);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "fill   | [1 2 3]",
                    "fill | []",
                    "fill | [1]",
                    "stroke | [1 2 3 4 5]",
                    "fill | ['a' 2]",
                    "stroke | [1 2 3 'a']",
                    "fill | null",
                    "x | true",
                    "x | [1 2]",
                    "x | (\\y y)",
                    "x | (empty)",
                    "BOUNDS | [1 2 3]",
                    "BOUNDS | [1 2 3 4 5]",
                    "BOUNDS | [1 2 3 'a']"
                })
        void badAttributeValues(String name, String value) {
            DuetException e = error("['svg' [] [\n  ['g' [['" + name + "' " + value + "]] []]]]");
            assertThat(e.bareMessage()).contains("'" + name + "'");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(10);
        }

        @Test
        void anAttributeMustBeANamedPair() {
            DuetException e = error("['svg' [] [['g' [\n ['x' 1 2]] []]]]");
            assertThat(e.bareMessage()).contains("attribute");
            DuetException f = error("['svg' [] [['g' [[1 2]] []]]]");
            assertThat(f.bareMessage()).contains("attribute");
        }
    }

    @Nested
    class LiveModeChecks {
        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "['rect' [['x' 1] ['y' 2] ['width' 3]] []]                  | height",
                    "['rect' [['x' 1] ['y' 2] ['width' 3] ['height' '4']] []]   | height",
                    "['line' [['x1' 1] ['y1' 2] ['x2' 3]] []]                   | y2",
                    "['circle' [['cx' 1] ['cy' 2]] []]                          | r",
                    "['ellipse' [['cx' 1] ['cy' 2] ['rx' 3]] []]                | ry",
                    "['polygon' [] []]                                           | points",
                    "['polyline' [['points' '1,2']] []]                          | points",
                    "['path' [['d' 'M 1 2']] []]                                 | d",
                    "['path' [] []]                                              | d",
                    "(ghost ['rect' [] []])                                      | x",
                })
        void shapesWithoutTheirAttributesAreErrors(String shape, String missing) {
            DuetException e = error("(svg [\n   " + shape + "])");
            assertThat(e.bareMessage()).contains(missing);
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).as("column of the kind string").isEqualTo(shape.indexOf('\'') + 4);
        }

        @Test
        void otherKindsAreNotChecked() {
            assertThat(svg("(svg [['g' [] []] ['text' [] []] ['svg' [] []]])"))
                    .contains("<g></g>")
                    .contains("<text></text>");
        }

        @Test
        void completeShapesRender() {
            assertThat(svg("(svg [(line 'black' 2 0 0 10 10) (ellipse 'red' 1 2 3 4) (polygon 'red' 'blue' 1 [[0 0] "
                            + "[1 1]]) (polyline 'red' 'blue' 1 []) (path 'red' 'blue' 1 ['M' 0 0 'Z'])])"))
                    .contains("<line x1='0' y1='0' x2='10' y2='10' stroke='black' stroke-width='2'></line>")
                    .contains("<polygon fill='red' points='0,0 1,1' stroke='blue' stroke-width='1'></polygon>")
                    .contains("<polyline fill='red' points='' stroke='blue' stroke-width='1'></polyline>")
                    .contains("<path fill='red' stroke='blue' stroke-width='1' d='M 0 0 Z'></path>");
        }
    }

    @Nested
    class Slides {
        @Test
        void aSlideShowShowsSlideOne() {
            Renderer.Result r = Renderer.render(
                    "test.little", "[3 (\\s [1 (\\m ['Static' (\\(s m) (svg [(rect 'red' s m 10 10)]))])])]");
            assertThat(r.canvas.toSvg(true))
                    .isEqualTo("<svg " + XMLNS + ">\n"
                            + "  <rect x='1' y='1' width='10' height='10' fill='red'></rect>\n"
                            + "</svg>");
            assertThat(r.slideCount).isEqualTo(3);
            assertThat(r.movieCount).isEqualTo(1);
        }

        @Test
        void dynamicFramesStartAtTimeZero() {
            Renderer.Result r = Renderer.render(
                    "test.little", "[2 (\\s [1 (\\m ['Dynamic' 5 (\\(s m t) (svg [(rect 'red' s t 10 10)])) true])])]");
            assertThat(r.canvas.toSvg(true)).contains("<rect x='1' y='0' width='10' height='10' fill='red'></rect>");
            assertThat(r.duration).isEqualTo(5);
        }

        @Test
        void aSlideMayBeAPlainDrawing() {
            assertThat(svg("[3 (\\s (svg [(rect 'red' s 0 10 10)]))]"))
                    .contains("<rect x='1' y='0' width='10' height='10' fill='red'></rect>");
        }

        @Test
        void anotherSlideCanBeChosen() {
            Renderer.Result r = Renderer.render(
                    "test.little",
                    "[3 (\\s (svg [(rect 'red' s 0 10 10)]))]",
                    Limits.DEFAULT,
                    new Renderer.Frame(2, 1, 0));
            assertThat(r.canvas.toSvg(true)).contains("<rect x='2' ");
        }

        @Test
        void anOrdinaryProgramHasNoSlides() {
            Renderer.Result r = Renderer.render("test.little", "(svg [])");
            assertThat(r.slideCount).isZero();
        }
    }
}
