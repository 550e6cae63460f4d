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
        if (x < Double.MIN_NORMAL) return shortestReference(x); // subnormals have fewer significant bits
        // Java 17's Double.toString always reads back as x but is sometimes longer than necessary.
        String js = Double.toString(x);
        int e = js.indexOf('E');
        int exp = e >= 0 ? Integer.parseInt(js.substring(e + 1)) : 0;
        String mant = e >= 0 ? js.substring(0, e) : js;
        int dot = mant.indexOf('.');
        String digits = dot >= 0 ? mant.substring(0, dot) + mant.substring(dot + 1) : mant;
        int point = (dot >= 0 ? dot : mant.length()) + exp;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') lead++;
        digits = digits.substring(lead);
        point -= lead;
        digits = stripZeros(digits);
        // Up to 15 significant digits, distinct decimals are distinct doubles: Java's digits are the only ones.
        if (digits.length() <= 15) return new String[] {digits, Integer.toString(point)};
        // Otherwise look for shorter digit strings. Rounding Java's digits down or up to k digits finds a k-digit
        // string that reads back as x whenever one exists (all of them lie in x's rounding interval, as do Java's).
        String d = digits;
        int n = point;
        while (d.length() > 1) {
            int k = d.length() - 1;
            String lo = stripZeros(d.substring(0, k));
            String[] hi = increment(d.substring(0, k), n);
            boolean okLo = readsBack(lo, n, x), okHi = readsBack(hi[0], Integer.parseInt(hi[1]), x);
            if (!okLo && !okHi) break;
            if (okLo && okHi) {
                String[] c = closer(lo, n, hi[0], Integer.parseInt(hi[1]), x);
                d = c[0];
                n = Integer.parseInt(c[1]);
            } else if (okLo) {
                d = lo;
            } else {
                d = hi[0];
                n = Integer.parseInt(hi[1]);
            }
        }
        // At the final length, a neighbour may read back as x too: then take the closer one (ties: even digit).
        String[] up = increment(d, n), down = decrement(d, n);
        boolean okUp = up != null && up[0].length() <= d.length() && readsBack(up[0], Integer.parseInt(up[1]), x);
        boolean okDown =
                down != null && down[0].length() <= d.length() && readsBack(down[0], Integer.parseInt(down[1]), x);
        if (okUp || okDown) {
            BigDecimal exact = new BigDecimal(x);
            int k = d.length();
            BigDecimal c = closestWithDigits(exact, x, k);
            if (c != null) {
                c = c.stripTrailingZeros();
                String cd = c.unscaledValue().abs().toString();
                return new String[] {cd, Integer.toString(cd.length() - c.scale())};
            }
        }
        return new String[] {d, Integer.toString(n)};
    }

    private static String stripZeros(String d) {
        int j = d.length();
        while (j > 1 && d.charAt(j - 1) == '0') j--;
        return d.substring(0, j);
    }

    private static boolean readsBack(String digits, int n, double x) {
        return Double.parseDouble("0." + digits + "E" + n) == x;
    }

    /** digits + one unit in the last place: {digits, n} normalised (carry may add a digit to n). */
    private static String[] increment(String d, int n) {
        char[] c = d.toCharArray();
        int i = c.length - 1;
        while (i >= 0 && c[i] == '9') c[i--] = '0';
        if (i < 0) return new String[] {"1", Integer.toString(n + 1)};
        c[i]++;
        return new String[] {stripZeros(new String(c)), Integer.toString(n)};
    }

    /** digits − one unit in the last place, or null if that leaves no digits. */
    private static String[] decrement(String d, int n) {
        char[] c = d.toCharArray();
        int i = c.length - 1;
        while (i >= 0 && c[i] == '0') c[i--] = '9';
        if (i < 0) return null;
        c[i]--;
        String s = new String(c);
        int lead = 0;
        while (lead < s.length() - 1 && s.charAt(lead) == '0') lead++;
        if (s.chars().allMatch(ch -> ch == '0')) return null;
        return new String[] {stripZeros(s.substring(lead)), Integer.toString(n - lead)};
    }

    private static String[] closer(String a, int na, String b, int nb, double x) {
        BigDecimal exact = new BigDecimal(x);
        BigDecimal va = new BigDecimal("0." + a + "E" + na), vb = new BigDecimal("0." + b + "E" + nb);
        int cmp = exact.subtract(va).abs().compareTo(exact.subtract(vb).abs());
        if (cmp < 0) return new String[] {a, Integer.toString(na)};
        if (cmp > 0) return new String[] {b, Integer.toString(nb)};
        boolean aEven = (a.charAt(a.length() - 1) - '0') % 2 == 0;
        return aEven ? new String[] {a, Integer.toString(na)} : new String[] {b, Integer.toString(nb)};
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

    /** The slow, obviously correct reference: for k = 1…17, the k-digit roundings of x that read back as x. */
    static String[] shortestReference(double x) {
        BigDecimal exact = new BigDecimal(x);
        for (int k = 1; k <= 17; k++) {
            BigDecimal c = closestWithDigits(exact, x, k);
            if (c != null) {
                c = c.stripTrailingZeros();
                String digits = c.unscaledValue().abs().toString();
                return new String[] {digits, Integer.toString(digits.length() - c.scale())};
            }
        }
        throw new IllegalStateException("no 17-digit representation of " + x);
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
