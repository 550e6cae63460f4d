package org.duet.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import org.duet.lang.DuetException;
import org.duet.lang.Loc;
import org.duet.lang.Op;
import org.duet.lang.OpTrace;
import org.duet.lang.Program;
import org.duet.lang.Trace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every operator of the little language (spec §4.4) with its exact semantics and edge cases, the display form of
 * values (§4.5), dictionaries (§4.6) and the traces carried by computed numbers (§7).
 */
class OperatorsTest {

    // ------------------------------------------------------------------------------------------------ helpers

    static Interpreter.Result run(String program) {
        return Interpreter.run(Interpreter.parse("test.little", program), Limits.DEFAULT);
    }

    static Value eval(String program) {
        return run(program).value;
    }

    /** The display form of a program's value. */
    static String show(String program) {
        return eval(program).display();
    }

    static double num(String program) {
        Value v = eval(program);
        assertThat(v).as("value of %s", program).isInstanceOf(Value.Num.class);
        return ((Value.Num) v).v;
    }

    static boolean bool(String program) {
        Value v = eval(program);
        assertThat(v).as("value of %s", program).isInstanceOf(Value.Bool.class);
        return ((Value.Bool) v).v;
    }

    static String str(String program) {
        Value v = eval(program);
        assertThat(v).as("value of %s", program).isInstanceOf(Value.Str.class);
        return ((Value.Str) v).v;
    }

    static DuetException error(String program) {
        DuetException e = catchThrowableOfType(DuetException.class, () -> eval(program));
        assertThat(e).as("%s must fail", program).isNotNull();
        return e;
    }

    static boolean isNegativeZero(double d) {
        return d == 0 && 1 / d < 0;
    }

    // ------------------------------------------------------------------------------------------------ nullary

    @Nested
    class Nullary {
        @Test
        void piIsMathPi() {
            assertThat(num("(pi)")).isEqualTo(Math.PI);
            assertThat(show("(pi)")).isEqualTo("3.141592653589793");
            assertThat(num("( pi )")).isEqualTo(Math.PI);
        }

        @Test
        void emptyIsTheEmptyDictionary() {
            Value v = eval("(empty)");
            assertThat(v).isInstanceOf(Value.Dict.class);
            assertThat(((Value.Dict) v).size()).isZero();
            assertThat(v.display()).isEqualTo("<dict >");
        }
    }

    // ------------------------------------------------------------------------------------------------ unary

    @Nested
    class Trigonometry {
        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "(cos 0)            | 1",
                    "(cos 1)            | 0.5403023058681398",
                    "(sin 1)            | 0.8414709848078965",
                    "(sin 0)            | 0",
                    "(sin (pi))         | 1.2246467991473532e-16",
                    "(cos (pi))         | -1",
                    "(arccos 1)         | 0",
                    "(arccos -1)        | 3.141592653589793",
                    "(arcsin 0.5)       | 0.5235987755982989",
                    "(arcsin 1)         | 1.5707963267948966",
                    "(sqrt 2)           | 1.4142135623730951",
                    "(sqrt 16)          | 4",
                    "(sqrt 0)           | 0",
                })
        void matchesJavaScript(String program, String expected) {
            assertThat(show(program)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "{0} is NaN")
        @CsvSource(
                quoteCharacter = '"',
                value = {
                    "(arccos 2)",
                    "(arccos -1.5)",
                    "(arcsin 2)",
                    "(arcsin -1.01)",
                    "(sqrt -1)",
                    "(sqrt -0.0001)",
                    "(cos (/ 1 0))",
                    "(sin (/ -1 0))"
                })
        void outOfDomainIsNaN(String program) {
            assertThat(num(program)).isNaN();
            assertThat(show(program)).isEqualTo("NaN");
        }

        @Test
        void nonNumbersAreAnError() {
            for (String op : new String[] {"cos", "sin", "arccos", "arcsin", "sqrt", "floor", "ceiling", "round"}) {
                DuetException e = error("(" + op + " 'x')");
                assertThat(e.bareMessage())
                        .as(op)
                        .containsIgnoringCase("bad arguments")
                        .contains(op)
                        .contains("'x'");
                assertThat(e.line()).isEqualTo(1);
                assertThat(e.column()).as("column of the operator word").isEqualTo(2);
            }
        }
    }

    @Nested
    class Rounding {
        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "(floor 2.7)    | 2",
                    "(floor -2.1)   | -3",
                    "(floor 5)      | 5",
                    "(floor -0.5)   | -1",
                    "(ceiling 2.1)  | 3",
                    "(ceiling -2.7) | -2",
                    "(ceiling 5)    | 5",
                    "(ceiling 0.0001) | 1",
                })
        void floorAndCeiling(String program, String expected) {
            assertThat(show(program)).isEqualTo(expected);
        }

        @Test
        void ceilingOfSmallNegativeIsNegativeZeroPrintedZero() {
            assertThat(isNegativeZero(num("(ceiling -0.5)"))).isTrue();
            assertThat(show("(ceiling -0.5)")).isEqualTo("0");
        }

        @ParameterizedTest(name = "(round {0}) = {1}")
        @CsvSource(
                quoteCharacter = '"',
                value = {
                    "2.5, 3",
                    "-2.5, -2",
                    "1.5, 2",
                    "-1.5, -1",
                    "0.5, 1",
                    "2.4, 2",
                    "2.6, 3",
                    "-2.6, -3",
                    "-2.4, -2",
                    "7, 7",
                    "-7, -7",
                    "0.49999999999999994, 0",
                    "4503599627370495.5, 4503599627370496",
                    "-4503599627370495.5, -4503599627370495"
                })
        void roundsHalvesUp(String arg, String expected) {
            assertThat(show("(round " + arg + ")")).isEqualTo(expected);
        }

        @Test
        void roundOfSmallNegativeIsNegativeZeroPrintedZero() {
            assertThat(isNegativeZero(num("(round -0.4)"))).isTrue();
            assertThat(isNegativeZero(num("(round -0.5)"))).isTrue();
            assertThat(show("(round -0.4)")).isEqualTo("0");
            assertThat(show("(toString (round -0.4))")).isEqualTo("'0'");
        }

        @Test
        void roundKeepsNaNAndInfinities() {
            assertThat(num("(round (/ 0 0))")).isNaN();
            assertThat(num("(round (/ 1 0))")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(num("(round (/ -1 0))")).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(num("(floor (/ 1 0))")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(num("(ceiling (/ 0 0))")).isNaN();
        }
    }

    @Nested
    class ToString {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "(toString 3)                       | 3",
                    "(toString 0.5)                     | 0.5",
                    "(toString -3.25)                   | -3.25",
                    "(toString -0)                      | 0",
                    "(toString 2.50)                    | 2.5",
                    "(toString 007)                     | 7",
                    "(toString (/ 1 3))                 | 0.3333333333333333",
                    "(toString (+ 0.1 0.2))             | 0.30000000000000004",
                    "(toString (* 1000000000 1000000000000)) | 1e+21",
                    "(toString (* 10000000000 10000000000))  | 100000000000000000000",
                    "(toString (/ 1 0))                 | Infinity",
                    "(toString (/ -1 0))                | -Infinity",
                    "(toString (/ 0 0))                 | NaN",
                    "(toString true)                    | true",
                    "(toString false)                   | false",
                    "(toString null)                    | null",
                    "(toString [])                      | []",
                    "(toString [1 [2 3] []])            | [1 [2 3] []]",
                    "(toString (\\x x))                 | <fun>",
                    "(toString (empty))                 | <dict >",
                })
        void displayForms(String program, String expected) {
            assertThat(str(program)).isEqualTo(expected);
        }

        @Test
        void stringsAreQuotedWithoutEscaping() {
            assertThat(str("(toString 'abc')")).isEqualTo("'abc'");
            assertThat(str("(toString \"abc\")")).isEqualTo("'abc'");
            assertThat(str("(toString 'it\\'s')")).isEqualTo("'it's'");
            assertThat(str("(toString 'say \"hi\"')")).isEqualTo("'say \"hi\"'");
            assertThat(str("(toString (toString 'q'))")).isEqualTo("''q''");
            assertThat(show("(toString (toString 'q'))")).isEqualTo("'''q'''");
            assertThat(str("(toString '')")).isEqualTo("''");
        }

        @Test
        void listsOfMixedValues() {
            assertThat(str("(toString [1 'a' true null (\\x x) [] (insert 'a' 3 (empty))])"))
                    .isEqualTo("[1 'a' true null <fun> [] <dict (\"\\\"a\\\"\",\"string\"):3>]");
        }

        @Test
        void partiallyAppliedAndPreludeFunctionsAreFun() {
            assertThat(str("(toString map)")).isEqualTo("<fun>");
            assertThat(str("(toString (map (\\x x)))")).isEqualTo("<fun>");
        }

        @Test
        void theResultIsAString() {
            assertThat(str("(+ (toString 1) (toString 2))")).isEqualTo("12");
        }
    }

    @Nested
    class Explode {
        @Test
        void splitsIntoOneCharacterStrings() {
            assertThat(show("(explode 'hey')")).isEqualTo("['h' 'e' 'y']");
            assertThat(eval("(explode 'hey')")).isInstanceOf(Value.ListV.class);
            assertThat(show("(explode 'a b')")).isEqualTo("['a' ' ' 'b']");
        }

        @Test
        void emptyStringGivesEmptyList() {
            assertThat(show("(explode '')")).isEqualTo("[]");
        }

        @Test
        void splitsIntoUtf16CodeUnits() {
            Value v = eval("(explode '\uD83D\uDE00')");
            assertThat(((Value.ListV) v).size).isEqualTo(2);
        }

        @Test
        void nonStringIsAnError() {
            DuetException e = error("(explode 3)");
            assertThat(e.bareMessage())
                    .containsIgnoringCase("bad arguments")
                    .contains("explode")
                    .contains("3");
            assertThat(e.column()).isEqualTo(2);
            error("(explode ['a'])");
            error("(explode null)");
        }
    }

    @Nested
    class Debug {
        @Test
        void returnsItsOperandAndLogsTheDisplayForm() {
            Interpreter.Result r = run("(debug [1 'x' true])");
            assertThat(r.value.display()).isEqualTo("[1 'x' true]");
            assertThat(r.debugLog).containsExactly("[1 'x' true]");
        }

        @Test
        void logsInEvaluationOrder() {
            Interpreter.Result r = run("[(debug 1) (debug 'two') (debug (+ 1 2))]");
            assertThat(r.value.display()).isEqualTo("[1 'two' 3]");
            assertThat(r.debugLog).containsExactly("1", "'two'", "3");
        }

        @Test
        void keepsTheNumberAndItsTrace() {
            Interpreter.Result r = run("(debug 5)");
            Value.Num n = (Value.Num) r.value;
            assertThat(n.v).isEqualTo(5);
            assertThat(n.trace).isInstanceOf(Loc.class);
            assertThat(((Loc) n.trace).value).isEqualTo(5);
        }

        @Test
        void acceptsEveryKindOfValue() {
            assertThat(run("(debug (\\x x))").debugLog).containsExactly("<fun>");
            assertThat(run("(debug (empty))").debugLog).containsExactly("<dict >");
            assertThat(run("(debug null)").debugLog).containsExactly("null");
        }
    }

    // ------------------------------------------------------------------------------------------------ binary

    @Nested
    class Plus {
        @Test
        void addsNumbers() {
            assertThat(show("(+ 1 2)")).isEqualTo("3");
            assertThat(show("(+ 0.1 0.2)")).isEqualTo("0.30000000000000004");
            assertThat(show("(+ -1 1)")).isEqualTo("0");
            assertThat(show("(+ (/ 1 0) (/ -1 0))")).isEqualTo("NaN");
        }

        @Test
        void concatenatesStrings() {
            assertThat(str("(+ 'ab' 'cd')")).isEqualTo("abcd");
            assertThat(str("(+ '' '')")).isEmpty();
            assertThat(str("(+ 'a' (+ 'b' 'c'))")).isEqualTo("abc");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "(+ 1 'a')       | 1 (a number)",
                    "(+ 'a' 1)       | 'a' (a string)",
                    "(+ true true)   | true",
                    "(+ null 1)      | null",
                    "(+ [1] [2])     | [1]",
                    "(+ (\\x x) 1)   | <fun>",
                })
        void mixedOrOtherKindsAreAnError(String program, String mentioned) {
            DuetException e = error(program);
            assertThat(e.bareMessage())
                    .containsIgnoringCase("bad arguments")
                    .contains("+")
                    .contains(mentioned);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(2);
        }
    }

    @Nested
    class Arithmetic {
        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "(- 3 4)          | -1",
                    "(- 0.3 0.1)      | 0.19999999999999998",
                    "(* 2.5 4)        | 10",
                    "(* 0.1 3)        | 0.30000000000000004",
                    "(* -2 0)         | 0",
                    "(/ 7 2)          | 3.5",
                    "(/ 1 3)          | 0.3333333333333333",
                    "(/ 1 0)          | Infinity",
                    "(/ -1 0)         | -Infinity",
                    "(/ 1 -0)         | -Infinity",
                    "(/ 0 0)          | NaN",
                    "(pow 2 10)       | 1024",
                    "(pow 2 -1)       | 0.5",
                    "(pow 2 0.5)      | 1.4142135623730951",
                    "(pow 0 0)        | 1",
                    "(pow -8 0.5)     | NaN",
                    "(pow -2 3)       | -8",
                    "(pow 1 (/ 1 0))  | NaN",
                    "(arctan2 1 -1)   | 2.356194490192345",
                    "(arctan2 1 0)    | 1.5707963267948966",
                    "(arctan2 0 1)    | 0",
                    "(arctan2 -1 0)   | -1.5707963267948966",
                    "(arctan2 -0 -1)  | -3.141592653589793",
                    "(arctan2 0 -1)   | 3.141592653589793",
                })
        void matchesJavaScript(String program, String expected) {
            assertThat(show(program)).isEqualTo(expected);
        }

        @Test
        void arctan2TakesYThenX() {
            assertThat(num("(arctan2 1 2)")).isEqualTo(StrictMath.atan2(1, 2));
            assertThat(num("(arctan2 2 1)")).isEqualTo(StrictMath.atan2(2, 1));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                quoteCharacter = '"',
                value = {
                    "(- 'a' 1)",
                    "(- 1 'a')",
                    "(* 'a' 2)",
                    "(/ null 1)",
                    "(/ 1 [2])",
                    "(pow true 2)",
                    "(arctan2 1 'x')",
                    "(mod 'a' 2)",
                    "(mod 7 null)"
                })
        void numbersOnly(String program) {
            DuetException e = error(program);
            String op = program.substring(1, program.indexOf(' '));
            assertThat(e.bareMessage()).containsIgnoringCase("bad arguments").contains(op);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(2);
        }
    }

    @Nested
    class Mod {
        @ParameterizedTest(name = "(mod {0} {1}) = {2}")
        @CsvSource(
                quoteCharacter = '"',
                value = {
                    "-7, 3, 2",
                    "7, -3, -2",
                    "7.5, 2, 1",
                    "-7.5, 2, 0",
                    "-0.5, 3, 2",
                    "7, 3, 1",
                    "6, 3, 0",
                    "-6, 3, 0",
                    "0, 5, 0",
                    "-7, -3, -1",
                    "5, 7, 5",
                    "-1, 7, 6",
                    "7.9, 3.9, 1",
                    "1000000, 7, 1"
                })
        void flooredModuloOfFlooredOperands(String a, String b, String expected) {
            assertThat(show("(mod " + a + " " + b + ")")).isEqualTo(expected);
        }

        @Test
        void resultHasTheDivisorsSign() {
            assertThat(num("(mod -1 5)")).isPositive();
            assertThat(num("(mod 1 -5)")).isNegative();
        }

        @ParameterizedTest(name = "(mod {0} {1}) is an error")
        @CsvSource(
                quoteCharacter = '"',
                value = {"3, 0", "0, 0", "-7, 0", "7, 0.5", "7, 0.999"})
        void byZeroIsAnErrorAtTheOperator(String a, String b) {
            String program = "(let x 1\n  (mod " + a + " " + b + "))";
            DuetException e = error(program);
            assertThat(e.bareMessage()).containsIgnoringCase("mod").containsIgnoringCase("zero");
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.column()).isEqualTo(4);
        }
    }

    @Nested
    class Comparison {
        @Test
        void lessThanOnNumbers() {
            assertThat(bool("(< 1 2)")).isTrue();
            assertThat(bool("(< 2 1)")).isFalse();
            assertThat(bool("(< 1 1)")).isFalse();
            assertThat(bool("(< -0 0)")).isFalse();
            assertThat(bool("(< (/ 0 0) 1)")).isFalse();
            assertThat(bool("(< 1 (/ 0 0))")).isFalse();
            assertThat(bool("(< (/ -1 0) -100000)")).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                quoteCharacter = '"',
                value = {"(< 'a' 'b')", "(< 1 'a')", "(< true false)", "(< null 1)", "(< [1] [2])"})
        void lessThanOnAnythingElseIsAnError(String program) {
            DuetException e = error(program);
            assertThat(e.bareMessage()).containsIgnoringCase("bad arguments").contains("<");
            assertThat(e.column()).isEqualTo(2);
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "(= 1 1)                   | true",
                    "(= 1 2)                   | false",
                    "(= 0 -0)                  | true",
                    "(= 0.3 (+ 0.1 0.2))       | false",
                    "(= (/ 0 0) (/ 0 0))       | false",
                    "(= (/ 1 0) (/ 2 0))       | true",
                    "(= 'a' 'a')               | true",
                    "(= 'a' 'b')               | false",
                    "(= '' '')                 | true",
                    "(= true true)             | false",
                    "(= false false)           | false",
                    "(= null null)             | false",
                    "(= [1] [1])               | false",
                    "(= [] [])                 | false",
                    "(= 1 '1')                 | false",
                    "(= '1' 1)                 | false",
                    "(= (\\x x) (\\x x))       | false",
                    "(= (empty) (empty))       | false",
                    "(= true 'true')           | false",
                })
        void equalityIsFalseForEveryPairThatIsNotNumbersOrStrings(String program, boolean expected) {
            assertThat(bool(program)).isEqualTo(expected);
        }
    }

    // ------------------------------------------------------------------------------------------------ dictionaries

    @Nested
    class Dictionaries {
        @Test
        void insertThenGet() {
            assertThat(show("(get 'a' (insert 'a' 3 (empty)))")).isEqualTo("3");
            assertThat(show("(get 1 (insert 1 'one' (insert 2 'two' (empty))))"))
                    .isEqualTo("'one'");
        }

        @Test
        void getOfAnAbsentKeyIsNull() {
            assertThat(eval("(get 7 (insert 1 'b' (empty)))")).isSameAs(Value.Null.NULL);
            assertThat(eval("(get 'x' (empty))")).isSameAs(Value.Null.NULL);
        }

        @Test
        void insertReplacesAnExistingKey() {
            assertThat(show("(insert 'a' 5 (insert 'a' 3 (empty)))")).isEqualTo("<dict (\"\\\"a\\\"\",\"string\"):5>");
        }

        @Test
        void removeDropsTheKeyAndIgnoresAbsentKeys() {
            assertThat(show("(remove 'a' (insert 'b' 4 (insert 'a' 3 (empty))))"))
                    .isEqualTo("<dict (\"\\\"b\\\"\",\"string\"):4>");
            assertThat(show("(remove 5 (insert 1 'b' (empty)))")).isEqualTo("<dict (\"1\",\"num\"):'b'>");
            assertThat(show("(remove 5 (empty))")).isEqualTo("<dict >");
        }

        @Test
        void dictionariesAreImmutable() {
            assertThat(show("(let d (insert 1 'a' (empty)) (let d2 (insert 2 'b' d) [d d2 (remove 1 d2) d2]))"))
                    .isEqualTo("[<dict (\"1\",\"num\"):'a'> <dict (\"1\",\"num\"):'a' (\"2\",\"num\"):'b'> "
                            + "<dict (\"2\",\"num\"):'b'> <dict (\"1\",\"num\"):'a' (\"2\",\"num\"):'b'>]");
        }

        @Test
        void verifiedDisplayOfStringKeys() {
            assertThat(show("(insert 'b' 4 (insert 'a' 3 (empty)))"))
                    .isEqualTo("<dict (\"\\\"a\\\"\",\"string\"):3 (\"\\\"b\\\"\",\"string\"):4>");
        }

        @Test
        void numberKeysSortByTheirPrintedDigits() {
            assertThat(show("(insert 9 'nine' (insert 10 'ten' (empty)))"))
                    .isEqualTo("<dict (\"10\",\"num\"):'ten' (\"9\",\"num\"):'nine'>");
            assertThat(show("(insert 10 1 (insert 9 2 (insert 'b' 4 (insert 'a' 3 (empty)))))"))
                    .isEqualTo("<dict (\"\\\"a\\\"\",\"string\"):3 (\"\\\"b\\\"\",\"string\"):4 (\"10\",\"num\"):1 "
                            + "(\"9\",\"num\"):2>");
        }

        @Test
        void equalNumbersAreTheSameKey() {
            assertThat(show("(insert 1.0 'a' (insert 1 'b' (empty)))")).isEqualTo("<dict (\"1\",\"num\"):'a'>");
            assertThat(show("(insert -0 'a' (insert 0 'b' (empty)))")).isEqualTo("<dict (\"0\",\"num\"):'a'>");
            assertThat(show("(get 2 (insert 2.0 'x' (empty)))")).isEqualTo("'x'");
        }

        @Test
        void aStringAndANumberAreDifferentKeys() {
            assertThat(show("(insert '1' 'a' (insert 1 'b' (empty)))"))
                    .isEqualTo("<dict (\"\\\"1\\\"\",\"string\"):'a' (\"1\",\"num\"):'b'>");
        }

        @Test
        void booleanNullAndListKeys() {
            assertThat(show("(insert true 1 (empty))")).isEqualTo("<dict (\"True\",\"bool\"):1>");
            assertThat(show("(insert false 1 (empty))")).isEqualTo("<dict (\"False\",\"bool\"):1>");
            assertThat(show("(insert null 1 (empty))")).isEqualTo("<dict (\"\",\"null\"):1>");
            assertThat(show("(insert [] 1 (empty))")).isEqualTo("<dict (\"[]\",\"list\"):1>");
            assertThat(show("(insert [1 'a'] 1 (empty))"))
                    .isEqualTo(
                            "<dict (\"[(\\\"1\\\",\\\"num\\\"),(\\\"\\\\\\\"a\\\\\\\"\\\",\\\"string\\\")]\",\"list\"):1>");
            assertThat(show("(get [1 2] (insert [1 2] 'pair' (empty)))")).isEqualTo("'pair'");
            assertThat(show("(get null (insert null 'n' (empty)))")).isEqualTo("'n'");
            assertThat(show("(get true (insert true 't' (empty)))")).isEqualTo("'t'");
        }

        @Test
        void mixedKeysSortByTextThenTagInCodeUnitOrder() {
            // "" < "\"x…" < "False" < "[…" by UTF-16 code units
            assertThat(show("(insert [1] 1 (insert false 2 (insert null 3 (insert 'x' 4 (empty)))))"))
                    .isEqualTo("<dict (\"\",\"null\"):3 (\"\\\"x\\\"\",\"string\"):4 (\"False\",\"bool\"):2 "
                            + "(\"[(\\\"1\\\",\\\"num\\\")]\",\"list\"):1>");
        }

        @Test
        void stringKeysAreWrittenAsEscapedLiterals() {
            // the key 'x"y\z' has the text "x\"y\\z" (with its quotes), displayed once more as a literal
            assertThat(show("(insert 'x\"y\\\\z' 4 (empty))"))
                    .isEqualTo("<dict (\"\\\"x\\\\\\\"y\\\\\\\\z\\\"\",\"string\"):4>");
        }

        @Test
        void valuesMayBeAnything() {
            assertThat(show("(insert 1 (\\x x) (insert 2 (empty) (empty)))"))
                    .isEqualTo("<dict (\"1\",\"num\"):<fun> (\"2\",\"num\"):<dict >>");
        }

        @Test
        void closuresAndDictionariesCannotBeKeys() {
            DuetException e = error("(insert (\\x x) 1 (empty))");
            assertThat(e.bareMessage()).containsIgnoringCase("cannot use <fun> in a key to a dictionary");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(9);
            DuetException d = error("(get (empty) (empty))");
            assertThat(d.bareMessage()).containsIgnoringCase("cannot use <dict > in a key to a dictionary");
            DuetException l = error("(remove [1 (\\x x)] (empty))");
            assertThat(l.bareMessage()).containsIgnoringCase("in a key to a dictionary");
        }

        @Test
        void theDictionaryOperandMustBeADictionary() {
            DuetException e = error("(insert 1 2 3)");
            assertThat(e.bareMessage()).containsIgnoringCase("bad arguments").contains("insert");
            assertThat(e.column()).isEqualTo(2);
            assertThat(error("(get 1 [1 2])").bareMessage())
                    .containsIgnoringCase("bad arguments")
                    .contains("get");
            assertThat(error("(remove 1 'd')").bareMessage())
                    .containsIgnoringCase("bad arguments")
                    .contains("remove");
            assertThat(error("(get (empty) 1)").bareMessage()).containsIgnoringCase("bad arguments");
        }
    }

    // ------------------------------------------------------------------------------------------------ traces

    @Nested
    class Traces {
        private List<Loc> leaves(Trace t) {
            List<Loc> out = new ArrayList<>();
            collect(t, out);
            return out;
        }

        private void collect(Trace t, List<Loc> out) {
            if (t instanceof Loc) {
                out.add((Loc) t);
            } else {
                for (Trace a : ((OpTrace) t).args) collect(a, out);
            }
        }

        @Test
        void aLiteralsTraceIsItsLocation() {
            Program p = Interpreter.parse("test.little", "7");
            Value.Num n = (Value.Num) Interpreter.run(p, Limits.DEFAULT).value;
            assertThat(n.trace).isSameAs(p.locs().get(0));
            assertThat(((Loc) n.trace).value).isEqualTo(7);
        }

        @Test
        void aComputedNumberHasAnOperatorTraceOverTheLiterals() {
            Program p = Interpreter.parse("test.little", "(+ 1 (* 2 3))");
            Value.Num n = (Value.Num) Interpreter.run(p, Limits.DEFAULT).value;
            assertThat(n.v).isEqualTo(7);
            assertThat(n.trace).isInstanceOf(OpTrace.class);
            OpTrace plus = (OpTrace) n.trace;
            assertThat(plus.op).isEqualTo(Op.PLUS);
            assertThat(plus.args).hasSize(2);
            assertThat(plus.args[0]).isSameAs(p.locs().get(0));
            assertThat(plus.args[1]).isInstanceOf(OpTrace.class);
            OpTrace times = (OpTrace) plus.args[1];
            assertThat(times.op).isEqualTo(Op.MULT);
            assertThat(times.args).containsExactly(p.locs().get(1), p.locs().get(2));
            assertThat(leaves(n.trace)).extracting(l -> l.value).containsExactly(1.0, 2.0, 3.0);
        }

        @Test
        void variablesPassTheirLiteralsTraceThrough() {
            Program p = Interpreter.parse("test.little", "(let x 5 (let y 2 (- (* x x) y)))");
            Value.Num n = (Value.Num) Interpreter.run(p, Limits.DEFAULT).value;
            assertThat(n.v).isEqualTo(23);
            List<Loc> ls = leaves(n.trace);
            assertThat(ls).hasSize(3);
            assertThat(ls.get(0)).isSameAs(ls.get(1)).isSameAs(p.locs().get(0));
            assertThat(ls.get(0).name()).isEqualTo("x");
            assertThat(ls.get(2)).isSameAs(p.locs().get(1));
            assertThat(ls.get(2).name()).isEqualTo("y");
        }

        @Test
        void everyNumericOperatorRecordsItself() {
            String[][] cases = {
                {"(cos 0)", "COS"},
                {"(sin 0)", "SIN"},
                {"(arccos 1)", "ARCCOS"},
                {"(arcsin 0)", "ARCSIN"},
                {"(sqrt 4)", "SQRT"},
                {"(floor 1.5)", "FLOOR"},
                {"(ceiling 1.5)", "CEILING"},
                {"(round 1.5)", "ROUND"},
                {"(- 3 1)", "MINUS"},
                {"(/ 3 1)", "DIV"},
                {"(pow 3 1)", "POW"},
                {"(arctan2 3 1)", "ARCTAN2"},
                {"(mod 3 2)", "MOD"},
                {"(* 3 1)", "MULT"}
            };
            for (String[] c : cases) {
                Program p = Interpreter.parse("test.little", c[0]);
                Value.Num n = (Value.Num) Interpreter.run(p, Limits.DEFAULT).value;
                assertThat(n.trace).as(c[0]).isInstanceOf(OpTrace.class);
                OpTrace t = (OpTrace) n.trace;
                assertThat(t.op).as(c[0]).isEqualTo(Op.valueOf(c[1]));
                assertThat(t.args).as(c[0]).containsExactlyElementsOf(p.locs());
            }
        }

        @Test
        void piHasAnOperatorTraceWithoutOperands() {
            Value.Num n = (Value.Num) eval("(pi)");
            assertThat(n.trace).isInstanceOf(OpTrace.class);
            assertThat(((OpTrace) n.trace).op).isEqualTo(Op.PI);
            assertThat(((OpTrace) n.trace).args).isEmpty();
            Program p = Interpreter.parse("test.little", "(* 2 (pi))");
            Value.Num two = (Value.Num) Interpreter.run(p, Limits.DEFAULT).value;
            assertThat(leaves(two.trace)).containsExactly(p.locs().get(0));
        }

        @Test
        void numbersComputedInThePreludeLeadToPreludeLocations() {
            Program p = Interpreter.parse("test.little", "(+ 1 twoPi)");
            Value.Num n = (Value.Num) Interpreter.run(p, Limits.DEFAULT).value;
            List<Loc> ls = leaves(n.trace);
            assertThat(ls.get(0)).isSameAs(p.locs().get(0));
            assertThat(ls.subList(1, ls.size()))
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l.prelude).isTrue());
            assertThat(ls).allSatisfy(l -> assertThat(l.frozen()).isEqualTo(l.prelude));
        }

        @Test
        void literalsInAFunctionBodyKeepTheirLocationAcrossCalls() {
            Program p = Interpreter.parse("test.little", "(def f (\\x (+ x 10))) [(f 1) (f 2)]");
            Value.ListV l = (Value.ListV) Interpreter.run(p, Limits.DEFAULT).value;
            Loc ten = p.locs().get(0);
            assertThat(ten.value).isEqualTo(10);
            for (Value v : l) {
                OpTrace t = (OpTrace) ((Value.Num) v).trace;
                assertThat(t.args[1]).isSameAs(ten);
            }
            assertThat(((OpTrace) ((Value.Num) l.get(0)).trace).args[0])
                    .isSameAs(p.locs().get(1));
            assertThat(((OpTrace) ((Value.Num) l.get(1)).trace).args[0])
                    .isSameAs(p.locs().get(2));
        }
    }
}
