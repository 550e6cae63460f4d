package org.duet.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** JavaScript number printing: the fast shortest-digits search agrees with the slow reference everywhere. */
class JsNumberTest {
    @Test
    void fastSearchAgreesWithTheReferenceOnManyDoubles() {
        Random r = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double x;
            switch (i % 5) {
                case 0:
                    x = Double.longBitsToDouble(r.nextLong());
                    break;
                case 1:
                    x = r.nextDouble() * 1000;
                    break;
                case 2:
                    x = StrictMath.sin(r.nextDouble() * 100) * 300;
                    break;
                case 3:
                    x = Math.round(r.nextDouble() * 1e6) / 1000.0;
                    break;
                default:
                    x = Math.pow(10, r.nextInt(600) - 300) * r.nextDouble();
                    break;
            }
            x = Math.abs(x);
            if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) continue;
            assertThat(JsNumber.shortest(x)).as("digits of %s", x).containsExactly(JsNumber.shortestReference(x));
        }
    }

    @Test
    void knownHardCases() {
        double[] xs = {
            5e-324,
            Double.MIN_NORMAL,
            Double.MAX_VALUE,
            2e23,
            1e23,
            9007199254740993.0,
            0.1 + 0.2,
            1.2246467991473532e-16,
            54.509803921568626,
            9.5367431640625e-7,
            1.2345678901234569e23,
            4.35,
            0.3,
            2.675,
            1 / 3.0,
            100,
            1e21,
            123456789012345680000.0
        };
        for (double x : xs) assertThat(JsNumber.shortest(x)).as("%s", x).containsExactly(JsNumber.shortestReference(x));
    }

    @Test
    void formatsLikeJavaScript() {
        assertThat(JsNumber.toString(1e20)).isEqualTo("100000000000000000000");
        assertThat(JsNumber.toString(1e21)).isEqualTo("1e+21");
        assertThat(JsNumber.toString(0.000001)).isEqualTo("0.000001");
        assertThat(JsNumber.toString(1e-7)).isEqualTo("1e-7");
        assertThat(JsNumber.toString(0.0000015)).isEqualTo("0.0000015");
        assertThat(JsNumber.toString(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(JsNumber.toString(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(JsNumber.toString(1 / 3.0)).isEqualTo("0.3333333333333333");
        assertThat(JsNumber.toString(12345.678)).isEqualTo("12345.678");
        assertThat(JsNumber.toString(-3.25)).isEqualTo("-3.25");
        assertThat(JsNumber.toString(1.2246467991473532e-16)).isEqualTo("1.2246467991473532e-16");
        assertThat(JsNumber.toString(54.509803921568626)).isEqualTo("54.509803921568626");
        assertThat(JsNumber.toString(-0.5)).isEqualTo("-0.5");
        assertThat(JsNumber.toString(2.50)).isEqualTo("2.5");
        assertThat(JsNumber.toString(-0.0)).isEqualTo("0");
        assertThat(JsNumber.toString(Double.NaN)).isEqualTo("NaN");
        assertThat(JsNumber.toString(Double.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
        assertThat(JsNumber.toString(1.2345678901234569e23)).isEqualTo("1.2345678901234569e+23");
        assertThat(JsNumber.toString(9.5367431640625e-7)).isEqualTo("9.5367431640625e-7");
        assertThat(JsNumber.toString(5e-324)).isEqualTo("5e-324");
    }
}
