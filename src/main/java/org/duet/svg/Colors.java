package org.duet.svg;

import static org.duet.eval.Arith.round;

/** Sketch-n-Sketch's colour numbers: a hue wheel in 0–359, black 360–379, greys 380–479, white 480–499. */
public final class Colors {
    private Colors() {}

    /** C(j) of the specification for an integral j. */
    static double[] triple(double j) {
        if (j >= 0 && j < 360) {
            double n = j;
            double s = Math.floor(n / 60);
            if (s == 0) return new double[] {200, round(55 + 145 * (1 - (60 - n) / 60)), 55};
            if (s == 1) return new double[] {round(200 - 145 * (1 - (120 - n) / 60)), 200, 55};
            if (s == 2) return new double[] {55, 200, round(55 + 145 * (1 - (180 - n) / 60))};
            if (s == 3) return new double[] {55, round(200 - 145 * (1 - (240 - n) / 60)), 200};
            if (s == 4) return new double[] {round(55 + 145 * (1 - (300 - n) / 60)), 55, 200};
            return new double[] {200, 55, round(200 - 145 * (1 - (360 - n) / 60))};
        }
        if (j >= 360 && j < 380) return new double[] {0, 0, 0};
        if (j >= 480 && j < 500) return new double[] {255, 255, 255};
        double x = round(255 * ((j - 380) / 100));
        return new double[] {x, x, x};
    }

    /** The table rule: a single colour number. */
    public static double[] fromNumber(double n) {
        double k = Math.floor(n);
        if (k >= 0 && k <= 499) return triple(k);
        return new double[] {0, 0, 0};
    }

    /** The opacity rule: [n a] — the number is rounded, not range-checked. */
    public static double[] fromOpacityPair(double n) {
        return triple(round(n));
    }
}
