package io.zagg.config;

import io.zagg.reduce.NumpySum;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.util.Arrays;

/**
 * numpy's algorithms, step by step, in the column's dtype. float32 steps are done as a double
 * operation rounded to float: for {@code + - * /} of float32 operands that is exactly the float32
 * operation (53 ≥ 2·24 + 2 bits), and it lets one code path serve both dtypes.
 */
final class ExactNumpyFunctions implements NumpyFunctions {

    /** Rounds {@code v} to the precision of {@code type}. */
    private static double round(DType type, double v) {
        return type == DType.FLOAT32 ? (double) (float) v : v;
    }

    private static double sum(Column x, long start, long end) {
        return x.dtype() == DType.FLOAT32 ? NumpySum.sumFloat(x, start, end) : NumpySum.sumDouble(x, start, end);
    }

    private static DType floatType(Column x) {
        DType t = x.dtype();
        if (t != DType.FLOAT32 && t != DType.FLOAT64) {
            throw new IllegalArgumentException("a numpy kernel needs a float32 or float64 column, not " + t.numpyName());
        }
        return t;
    }

    @Override
    public double mean(Column x, long start, long end) {
        DType t = floatType(x);
        // numpy divides the dtype's sum by the count as an intp, i.e. in float64, then casts back
        return round(t, sum(x, start, end) / (double) (end - start));
    }

    @Override
    public double var(Column x, long start, long end, long ddof) {
        DType t = floatType(x);
        int n = Math.toIntExact(end - start);
        double mean = mean(x, start, end);
        Column squares;
        if (t == DType.FLOAT32) {
            float m = (float) mean;
            float[] d = new float[n];
            for (int i = 0; i < n; i++) {
                float v = x.getFloat(start + i) - m;
                d[i] = v * v;
            }
            squares = Columns.of(d);
        } else {
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                double v = x.getDouble(start + i) - mean;
                d[i] = v * v;
            }
            squares = Columns.of(d);
        }
        return round(t, sum(squares, 0, n) / (double) Math.max(n - ddof, 0));
    }

    /** The run copied and sorted ascending, NaN last (numpy's partition order). */
    private static double[] sorted(Column x, long start, long end) {
        double[] v = new double[Math.toIntExact(end - start)];
        for (int i = 0; i < v.length; i++) {
            v[i] = x.getDouble(start + i);
        }
        Arrays.sort(v);
        return v;
    }

    @Override
    public double median(Column x, long start, long end) {
        DType t = floatType(x);
        double[] s = sorted(x, start, end);
        int n = s.length;
        if (n == 0 || Double.isNaN(s[n - 1])) {
            return Double.NaN;
        }
        // numpy takes np.mean of the middle one or two values: a sum from 0 in the dtype, then / count
        int mid = n / 2;
        if (n % 2 == 1) {
            return round(t, round(t, 0.0 + s[mid]) / 1.0);
        }
        double pair = round(t, round(t, 0.0 + s[mid - 1]) + s[mid]);
        return round(t, pair / 2.0);
    }

    @Override
    public double quantile(Column x, long start, long end, double q) {
        DType t = floatType(x);
        double[] s = sorted(x, start, end);
        int n = s.length;
        if (n == 0) {
            throw new EvaluationException("cannot take a quantile of an empty array");
        }
        if (Double.isNaN(s[n - 1])) {
            return Double.NaN;
        }
        double virtual = (n - 1) * q;
        double previous = Math.floor(virtual);
        int lower;
        int upper;
        if (virtual >= n - 1) {
            // numpy points both neighbours at the last element and keeps gamma = virtual - (-1)
            previous = -1;
            lower = n - 1;
            upper = n - 1;
        } else {
            lower = (int) previous;
            upper = lower + 1;
        }
        double gamma = virtual - previous;
        // numpy 2 keeps a Python-float q weak: gamma and 1 - gamma are cast to the dtype in the lerp
        double a = s[lower];
        double b = s[upper];
        double diff = round(t, b - a);
        if (gamma >= 0.5) {
            return round(t, b - round(t, diff * round(t, 1 - gamma)));
        }
        return round(t, a + round(t, diff * round(t, gamma)));
    }

    @Override
    public double average(Column x, long xStart, Column w, long wStart, long n) {
        DType t = floatType(x);
        int len = Math.toIntExact(n);
        Column products;
        if (t == DType.FLOAT32) {
            float[] p = new float[len];
            for (int i = 0; i < len; i++) {
                p[i] = x.getFloat(xStart + i) * w.getFloat(wStart + i);
            }
            products = Columns.of(p);
        } else {
            double[] p = new double[len];
            for (int i = 0; i < len; i++) {
                p[i] = x.getDouble(xStart + i) * w.getDouble(wStart + i);
            }
            products = Columns.of(p);
        }
        double weights = sum(w, wStart, wStart + n);
        if (weights == 0) {
            throw new EvaluationException("Weights sum to zero, can't be normalized");
        }
        return round(t, sum(products, 0, len) / weights);
    }

    @Override
    public Histogram histogram(Column x, long start, long end, int bins, double lo, double hi, DType rangeType, DType edgeType) {
        floatType(x);
        if (lo > hi) {
            throw new EvaluationException("max must be larger than min in range parameter.");
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new EvaluationException("supplied range of [" + show(lo) + ", " + show(hi) + "] is not finite");
        }
        if (lo == hi) {
            lo = round(rangeType, lo - 0.5);
            hi = round(rangeType, hi + 0.5);
        }
        double[] edges = linspace(lo, hi, bins, rangeType, edgeType);
        for (int i = 0; i < bins; i++) {
            if (edges[i] >= edges[i + 1]) {
                throw new EvaluationException("Too many bins for data range. Cannot create " + bins + " finite-sized bins.");
            }
        }
        DType division = rangeType == DType.FLOAT64 || edgeType == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
        double first = round(edgeType, lo);
        double last = round(edgeType, hi);
        double width = round(rangeType, hi - lo);
        long[] counts = new long[bins];
        for (long i = start; i < end; i++) {
            double v = round(edgeType, x.getDouble(i));
            if (!(v >= first && v <= last)) {
                continue;
            }
            double f = round(division, round(division, round(edgeType, v - first) / width) * bins);
            int index = (int) f;
            if (index == bins) {
                index--;
            }
            // numpy's correction for values within an ulp of an edge
            if (v < edges[index]) {
                index--;
            }
            if (v >= edges[index + 1] && index != bins - 1) {
                index++;
            }
            counts[index]++;
        }
        return new Histogram(counts, edges);
    }

    /** {@code np.linspace(lo, hi, bins + 1, dtype=edgeType)} computed in {@code rangeType}. */
    private static double[] linspace(double lo, double hi, int bins, DType rangeType, DType edgeType) {
        double[] y = new double[bins + 1];
        double delta = round(rangeType, hi - lo);
        double step = round(rangeType, delta / bins);
        for (int i = 0; i <= bins; i++) {
            double v = step == 0 ? round(rangeType, round(rangeType, i / (double) bins) * delta) : round(rangeType, i * step);
            y[i] = round(rangeType, v + lo);
        }
        y[bins] = hi;
        for (int i = 0; i <= bins; i++) {
            y[i] = round(edgeType, y[i]);
        }
        return y;
    }

    static String show(double v) {
        return Double.isNaN(v) ? "nan" : Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : Double.toString(v);
    }
}
