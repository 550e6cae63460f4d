package org.duet.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.duet.svg.Renderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Relate requests over features with very large symbolic forms (found by fuzzing: timeout-relate-…-fd277330 and
 * …-81d72d9e). Before the fix, reading a trace that sums 9 991 literals took time quadratic in its depth, and
 * solving a sum of 900 literals for each of them cubic, however short the request's time limit; the time-out only
 * turns such a hang into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DeepTraceRelateTest {
    static String chain(int depth, String last) {
        return "(+ 0 ".repeat(depth) + last + ")".repeat(depth);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "make-equal; 0.rectTLX,1.rectTLX",
                "relate; 0.rectTLX,1.rectTLX",
                "align-left; 0,1",
                "keep-spacing; 0.rectTLX,1.rectTLX",
                "dig-hole; 0.rectTLX",
                "indexed-relate; 0.rectTLX,1.rectTLX"
            })
    void aFeatureSummingThousandsOfLiteralsIsTooComplexToRelate(String tool, String refs) {
        String program = "(svg [(rect 'red' " + chain(9990, "10") + " 10 20 30) (rect 'blue' 5 20 20 30)])";
        assertThatThrownBy(() -> Relate.run(program, tool, refs, new Relate.Options(3, 10_000)))
                .isInstanceOf(RelateException.class)
                .hasMessageContaining("0.rectTLX is too complex to relate")
                .hasMessageContaining("more than " + Sym.MAX_TERMS + " terms");
    }

    @Test
    void aFeatureNestingThousandsOfOperatorsIsTooComplexToRelate() {
        String deep = "(sqrt ".repeat(3000) + "10" + ")".repeat(3000);
        String program = "(svg [(rect 'red' (+ 5 " + deep + ") 10 20 30) (rect 'blue' 5 20 20 30)])";
        assertThatThrownBy(
                        () -> Relate.run(program, "make-equal", "0.rectTLX,1.rectTLX", new Relate.Options(3, 10_000)))
                .isInstanceOf(RelateException.class)
                .hasMessageContaining("too complex to relate")
                .hasMessageContaining("nests more than " + Sym.MAX_DEPTH);
    }

    @Test
    void aFeatureWithinTheLimitsStillRelates() {
        String program = "(svg [(rect 'red' " + chain(50, "10") + " 10 20 30) (rect 'blue' 5 20 20 30)])";
        RelateResult r = Relate.run(program, "make-equal", "0.rectTLX,1.rectTLX", new Relate.Options(3, 10_000));
        assertThat(r.candidates()).isNotEmpty();
    }

    /**
     * A sum of 900 literals carried through 100 000 additions and subtractions of one more literal: every
     * intermediate number has 900 terms, so reading the trace takes far longer than the request's 200 ms, and it
     * must stop there. (Without the time limit this request takes minutes.)
     */
    @Test
    void aRequestStopsReadingItsTracesAtItsTimeLimit() {
        StringBuilder sum = new StringBuilder();
        for (int i = 1; i < 900; i++) sum.append("(+ ").append(i).append(' ');
        sum.append(900).append(")".repeat(899));
        String program = "(def s " + sum + ")\n(def z 0)\n"
                + "(def t (letrec f (\\(n t) (if (< n 1!) t (f (- n 1!) (- (+ t z) z)))) (f 100000! s)))\n"
                + "(svg [(rect 'red' t 10 20 30) (rect 'blue' 5 20 20 30)])";
        Renderer.Result rendered = Renderer.render("p", program);
        RelateResult r = Relate.run(
                rendered, "make-equal", FeatureCatalog.parseRefs("0.rectTLX,1.rectTLX"), new Relate.Options(3, 200));
        assertThat(r.timedOut()).isTrue();
        assertThat(r.candidates()).isEmpty();
        assertThat(r.message()).isEqualTo("the time limit of 200 ms was reached before any candidate was found");
    }

    /** Summing term by term gives what repeated {@link Sym#combine} gives (coefficients snapped at every step). */
    @Test
    void substitutionAndSolvingKeepTheirResults() {
        Sym x = Sym.var(1), y = Sym.var(2), z = Sym.var(3);
        Sym e = Sym.add(
                Sym.add(Sym.scale(x, 0.1), Sym.scale(y, 0.2)), Sym.mul(Sym.scale(z, 3), Sym.add(x, Sym.constant(1))));
        Sym sub = e.substitute(id -> id == 2 ? Sym.add(x, Sym.constant(0.1)) : null);
        assertThat(sub.key())
                .isEqualTo(Sym.add(
                                Sym.add(Sym.scale(x, 0.30000000000000004), Sym.constant(0.020000000000000004)),
                                Sym.mul(Sym.scale(z, 3), Sym.add(x, Sym.constant(1))))
                        .key());
        Sym[] ab = Sym.sub(Sym.add(Sym.scale(x, 2), y), Sym.constant(7)).affine(1);
        assertThat(ab[0].key()).isEqualTo(Sym.constant(2).key());
        assertThat(ab[1].key()).isEqualTo(Sym.sub(y, Sym.constant(7)).key());
    }
}
