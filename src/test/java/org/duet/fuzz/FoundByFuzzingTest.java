package org.duet.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.duet.synth.Relate;
import org.duet.synth.RelateResult;
import org.junit.jupiter.api.Test;

/**
 * Problems the fuzzer found whose regression input depends on timing (a relate request with a 19 ms limit), made
 * again here without the timing, as the fix's regression tests.
 */
class FoundByFuzzingTest {
    /** relate-java-lang-IllegalArgumentException-…-be1548b1.fuzz, with a limit that lets the search get there. */
    @Test
    void makeEqualDescribesALiteralTooLongForADouble() {
        String infinite = "1" + "0".repeat(400);
        String program = "(blobs [[(rect 'red' 2 " + infinite + " -392.94 84)] [(rect 'blue' 285 2 134 10)]])";
        RelateResult r = Relate.run(program, "make-equal", "0.rectCY,1.rectBLX", new Relate.Options(5, 5_000));
        assertThat(r.candidates()).isNotEmpty();
        assertThat(r.candidates()).anyMatch(c -> c.description().contains("Infinity"));
    }

    /**
     * A frozen literal too long for a double (Infinity) inside a feature whose value is finite, (/ 1 10…0!): the
     * candidates that keep it used to be dropped (Printer.numeral cannot write Infinity), leaving "no solution".
     */
    @Test
    void aFrozenInfiniteLiteralIsKeptAsWrittenInCandidates() {
        String infinite = "1" + "0".repeat(400);
        String program = "(blobs [[(rect 'red' (+ 10 (/ 1 " + infinite + "!)) 10 20 30)] [(rect 'blue' 5 20 20 30)]])";
        RelateResult r = Relate.run(program, "make-equal", "0.rectTLX,1.rectTLX", new Relate.Options(5, 5_000));
        assertThat(r.candidates()).isNotEmpty();
        assertThat(r.candidates().get(0).program()).contains("(/ num2 " + infinite + "!)");
    }
}
