package org.duet.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Where the fuzzer's decisions come from: Jazzer's bytes in a coverage-guided run, a seeded {@link Random} in the
 * deterministic run. Every mutation and every choice of the pipeline (which zone to drag, which tool to try) is
 * made through this interface, so that either source drives the same code.
 */
interface Choices {
    /** A number in [0, n) (0 when n ≤ 1). */
    int pick(int n);

    /** A number in [lo, hi]. */
    default int between(int lo, int hi) {
        return lo + pick(hi - lo + 1);
    }

    /** True about once in {@code n} times (false when the fuzzer's bytes have run dry: the common case). */
    default boolean oneIn(int n) {
        return pick(n) == n - 1;
    }

    default <T> T of(List<T> xs) {
        return xs.get(pick(xs.size()));
    }

    default <T> T of(T[] xs) {
        return xs[pick(xs.length)];
    }

    /** Any double, including NaN, infinities, -0 and subnormals. */
    double anyDouble();

    /** A short string of any characters (for the byte-level mode). */
    String anyString(int maxLength);

    static Choices of(Random rnd) {
        return new Choices() {
            @Override
            public int pick(int n) {
                return n <= 1 ? 0 : rnd.nextInt(n);
            }

            @Override
            public double anyDouble() {
                switch (rnd.nextInt(4)) {
                    case 0:
                        return Double.longBitsToDouble(rnd.nextLong());
                    case 1:
                        return rnd.nextGaussian() * 1000;
                    case 2:
                        return rnd.nextInt(201) - 100;
                    default:
                        return rnd.nextDouble();
                }
            }

            @Override
            public String anyString(int maxLength) {
                int n = rnd.nextInt(maxLength + 1);
                StringBuilder sb = new StringBuilder(n);
                for (int i = 0; i < n; i++) {
                    int kind = rnd.nextInt(8);
                    if (kind == 0) sb.append((char) rnd.nextInt(0x10000));
                    else if (kind == 1) sb.append((char) rnd.nextInt(32));
                    else sb.append((char) (32 + rnd.nextInt(95)));
                }
                return sb.toString();
            }
        };
    }
}
