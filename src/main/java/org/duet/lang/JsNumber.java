package org.duet.lang;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** JavaScript's Number.prototype.toString (radix 10): the shortest digits that read back as the same double. */
public final class JsNumber {
    private JsNumber() {}

    private static final double TWO_53 = 9007199254740992.0;

    public static String toString(double x) {
        if (Double.isNaN(x)) return "NaN";
        if (x == 0) return "0";
        if (Double.isInfinite(x)) return x > 0 ? "Infinity" : "-Infinity";
        if (x < 0) return "-" + toString(-x);
        if (x < TWO_53 && x == Math.rint(x)) return Long.toString((long) x);
        // shortest digit string d1..dk and exponent n with x = 0.d1..dk × 10^n
        String[] dn = shortest(x);
        return format(dn[0], Integer.parseInt(dn[1]));
    }

    /** Digits (no trailing zeros) and n such that x = 0.DIGITS × 10^n. */
    static String[] shortest(double x) {
        BigDecimal exact = new BigDecimal(x);
        // Java 17's Double.toString always reads back as x but is sometimes longer than necessary:
        // its digit count bounds the search from above.
        int upper = significantDigits(Double.toString(x));
        BigDecimal best = null;
        for (int k = Math.min(upper, 17); k >= 1; k--) {
            BigDecimal c = closestWithDigits(exact, x, k);
            if (c == null) break;
            best = c;
        }
        if (best == null) best = closestWithDigits(exact, x, Math.min(upper, 17));
        if (best == null) best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        best = best.stripTrailingZeros();
        String digits = best.unscaledValue().abs().toString();
        int n = digits.length() - best.scale();
        return new String[] {digits, Integer.toString(n)};
    }

    /** Among the k-digit roundings of x (down and up), those that read back as x; the closer one (ties: even). */
    private static BigDecimal closestWithDigits(BigDecimal exact, double x, int k) {
        BigDecimal lo = exact.round(new MathContext(k, RoundingMode.FLOOR));
        BigDecimal hi = exact.round(new MathContext(k, RoundingMode.CEILING));
        boolean okLo = lo.doubleValue() == x, okHi = hi.doubleValue() == x;
        if (okLo && okHi) {
            if (lo.compareTo(hi) == 0) return lo;
            int cmp = exact.subtract(lo).compareTo(hi.subtract(exact));
            if (cmp < 0) return lo;
            if (cmp > 0) return hi;
            return lo.unscaledValue().testBit(0) ? hi : lo;
        }
        if (okLo) return lo;
        if (okHi) return hi;
        return null;
    }

    private static int significantDigits(String javaRepr) {
        String m = javaRepr;
        int e = m.indexOf('E');
        if (e >= 0) m = m.substring(0, e);
        m = m.replace(".", "");
        int i = 0;
        while (i < m.length() - 1 && m.charAt(i) == '0') i++;
        m = m.substring(i);
        int j = m.length();
        while (j > 1 && m.charAt(j - 1) == '0') j--;
        return Math.max(1, j);
    }

    private static String format(String d, int n) {
        int k = d.length();
        StringBuilder sb = new StringBuilder();
        if (k <= n && n <= 21) {
            sb.append(d);
            for (int i = 0; i < n - k; i++) sb.append('0');
        } else if (0 < n && n <= 21) {
            sb.append(d, 0, n).append('.').append(d, n, k);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            for (int i = 0; i < -n; i++) sb.append('0');
            sb.append(d);
        } else {
            int e = n - 1;
            sb.append(d.charAt(0));
            if (k > 1) sb.append('.').append(d, 1, k);
            sb.append('e').append(e >= 0 ? '+' : '-').append(Math.abs(e));
        }
        return sb.toString();
    }
}
