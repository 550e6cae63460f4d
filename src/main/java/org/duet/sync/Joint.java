package org.duet.sync;

/**
 * Joint refinement of a drag: Levenberg–Marquardt on a few locations at once, so that elements sharing locations
 * (the x and y of a point given in polar form, the two ends of an edge) can reach their targets together when solving
 * them one at a time cannot. Finite-difference Jacobian; at most {@link #ITERATIONS} iterations.
 */
final class Joint {
    private Joint() {}

    static final int ITERATIONS = 40;

    /**
     * New location values (a copy of {@code start} with {@code vars} changed) minimising the squared distance of the
     * elements to their targets, or null if nothing better is found.
     */
    static double[] solve(TraceExpr[] ex, double[] target, double[] start, int[] vars) {
        int k = ex.length, m = vars.length;
        if (m == 0) return null;
        double[] x = start.clone();
        double[] r = residuals(ex, target, x);
        double cost = cost(r);
        if (!Double.isFinite(cost)) return null;
        double lambda = 1e-3;
        double[][] jac = new double[k][m];
        boolean improved = false;
        for (int it = 0; it < ITERATIONS; it++) {
            if (done(ex, target, x)) break;
            for (int c = 0; c < m; c++) {
                int id = vars[c];
                double old = x[id], h = 1e-7 * Math.max(1, Math.abs(old));
                x[id] = old + h;
                for (int i = 0; i < k; i++) jac[i][c] = (ex[i].eval(x) - target[i] - r[i]) / h;
                x[id] = old;
            }
            // (JᵀJ + λ·diag) δ = −Jᵀr
            double[][] a = new double[m][m + 1];
            for (int p = 0; p < m; p++) {
                for (int q = 0; q < m; q++) {
                    double s = 0;
                    for (int i = 0; i < k; i++) s += jac[i][p] * jac[i][q];
                    a[p][q] = s;
                }
                double g = 0;
                for (int i = 0; i < k; i++) g += jac[i][p] * r[i];
                a[p][m] = -g;
            }
            boolean stepped = false;
            for (int tries = 0; tries < 8 && !stepped; tries++) {
                double[][] b = new double[m][];
                for (int p = 0; p < m; p++) {
                    b[p] = a[p].clone();
                    b[p][p] += lambda * Math.max(a[p][p], 1e-12) + 1e-12;
                }
                double[] delta = gauss(b, m);
                if (delta == null) {
                    lambda *= 10;
                    continue;
                }
                double[] y = x.clone();
                for (int c = 0; c < m; c++) y[vars[c]] += delta[c];
                double[] ry = residuals(ex, target, y);
                double cy = cost(ry);
                if (Double.isFinite(cy) && cy < cost) {
                    x = y;
                    r = ry;
                    cost = cy;
                    lambda = Math.max(lambda / 3, 1e-9);
                    stepped = improved = true;
                } else {
                    lambda *= 4;
                }
            }
            if (!stepped) break;
        }
        for (int c = 0; c < m; c++) if (!Double.isFinite(x[vars[c]])) return null;
        return improved ? x : null;
    }

    private static boolean done(TraceExpr[] ex, double[] target, double[] x) {
        for (int i = 0; i < ex.length; i++) if (!Drag.reached(ex[i].eval(x), target[i])) return false;
        return true;
    }

    private static double[] residuals(TraceExpr[] ex, double[] target, double[] x) {
        double[] r = new double[ex.length];
        for (int i = 0; i < ex.length; i++) r[i] = ex[i].eval(x) - target[i];
        return r;
    }

    private static double cost(double[] r) {
        double s = 0;
        for (double v : r) s += v * v;
        return s;
    }

    /** Solves the augmented m×(m+1) system by Gaussian elimination with partial pivoting; null if singular. */
    private static double[] gauss(double[][] a, int m) {
        for (int col = 0; col < m; col++) {
            int piv = col;
            for (int row = col + 1; row < m; row++) if (Math.abs(a[row][col]) > Math.abs(a[piv][col])) piv = row;
            if (Math.abs(a[piv][col]) < 1e-300) return null;
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int row = col + 1; row < m; row++) {
                double f = a[row][col] / a[col][col];
                if (f == 0) continue;
                for (int c = col; c <= m; c++) a[row][c] -= f * a[col][c];
            }
        }
        double[] x = new double[m];
        for (int row = m - 1; row >= 0; row--) {
            double s = a[row][m];
            for (int c = row + 1; c < m; c++) s -= a[row][c] * x[c];
            x[row] = s / a[row][row];
            if (!Double.isFinite(x[row])) return null;
        }
        return x;
    }
}
