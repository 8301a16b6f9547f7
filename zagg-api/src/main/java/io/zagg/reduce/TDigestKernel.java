package io.zagg.reduce;

import java.util.Arrays;

/**
 * zagg's t-digest ({@code src/zagg/stats/tdigest.py} at 29b392ee): Dunning's k1 scale
 * {@code k(q) = delta * (asin(2q - 1) / pi + 1/2)} with a sequential sort-and-merge, plus zagg's
 * merge and its reader-side quantile and CDF. All arithmetic is float64, as zagg's; centroids
 * are {@code (mean, weight)} pairs that the caller stores as float32.
 *
 * <p>{@code asin} is fdlibm's ({@link FdlibmAsin}) where numpy calls the C library's; they
 * differ in the last bit for about a quarter of arguments. That can move a centroid boundary only
 * when a k-span lands within about 1e-13 of 1: for every cell size up to 40,000 and delta 64,
 * 128, 256, 512 and 1024 the closest span is 1.1e-10 away (measured with numpy), and the spans
 * depend on the cell size only, so the boundaries are zagg's whatever the values.
 */
public final class TDigestKernel {

    /** Receives the centroids of one digest in ascending mean order. */
    public interface Sink {
        void centroid(double mean, double weight);
    }

    private TDigestKernel() {
    }

    static double k1(double q, double delta) {
        double qc = Math.min(Math.max(q, 0.0), 1.0);
        return delta * (FdlibmAsin.asin(2.0 * qc - 1.0) / Math.PI + 0.5);
    }

    /**
     * {@code build_tdigest} of the ascending-sorted finite values {@code s[from, to)}: a value
     * joins the current centroid while the centroid's k-span, from the k value before its first
     * value to {@code k((i + 1) / n)}, stays at most 1; the mean is updated as
     * {@code mean += (v - mean) / (weight + 1)}. Nothing is emitted for an empty range.
     *
     * <p>zagg evaluates the rule value by value; this finds the same boundaries with a few k
     * evaluations per centroid: the rule's outcome for value {@code i} depends only on
     * {@code i / n} and falls from "joins" to "starts a new centroid" as {@code i} grows, so the
     * boundary is estimated from the inverse of k and then confirmed with the exact rule on both
     * sides. Below {@code n = 4 * delta / pi} no two values can share a centroid (k rises faster
     * than 1 per 2/n everywhere), and each value is its own centroid without evaluating k at all.
     */
    public static void build(double[] s, int from, int to, double delta, Sink sink) {
        int n = to - from;
        // k'(q) >= 2 delta / pi, so any two values span at least 4 delta / (pi n) > 1 here; the
        // margin keeps rounding of k (about 1e-13) from mattering
        if (4 * delta / (Math.PI * n) > 1 + 1e-9) {
            for (int i = from; i < to; i++) {
                sink.centroid(s[i], 1);
            }
            return;
        }
        double kLeft = k1(0.0, delta);
        int start = 0;
        while (start < n) {
            int end = centroidEnd(start, kLeft, n, delta);
            double mean = s[from + start];
            double weight = 1;
            for (int i = from + start + 1; i < from + end; i++) {
                mean += (s[i] - mean) / (weight + 1);
                weight += 1;
            }
            sink.centroid(mean, weight);
            kLeft = k1((double) end / n, delta);
            start = end;
        }
    }

    /**
     * The first value index after {@code start} that does not join the centroid starting at
     * {@code start} (or {@code n}): the least {@code e > start} with {@code e == n} or
     * {@code k((e + 1) / n) - kLeft > 1}.
     */
    private static int centroidEnd(int start, double kLeft, int n, double delta) {
        double target = (kLeft + 1) / delta;
        int e = target >= 1 ? n : (int) Math.floor((Math.sin(Math.PI * (target - 0.5)) + 1) / 2 * n);
        e = Math.max(start + 1, Math.min(e, n));
        while (e < n && k1((double) (e + 1) / n, delta) - kLeft <= 1) {
            e++;
        }
        while (e - 1 > start && k1((double) e / n, delta) - kLeft > 1) {
            e--;
        }
        return e;
    }

    /**
     * {@code merge_tdigests(a, b, delta)} of two flattened {@code [mean, weight, ...]} digests:
     * an empty side returns the other unchanged; otherwise the centroids are stably sorted by mean
     * and re-compressed with the build rule over cumulative weights (a sub-centroid joins while
     * {@code k(cum_i / total) - k_left <= 1}), each merged mean being {@code sum(m*w) / sum(w)}.
     */
    public static void merge(float[] a, float[] b, double delta, Sink sink) {
        if (a.length == 0 || b.length == 0) {
            float[] d = a.length == 0 ? b : a;
            for (int i = 0; i < d.length; i += 2) {
                sink.centroid(d[i], d[i + 1]);
            }
            return;
        }
        int k = (a.length + b.length) / 2;
        double[] means = new double[k];
        double[] weights = new double[k];
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            float[] d = i < a.length / 2 ? a : b;
            int j = 2 * (i < a.length / 2 ? i : i - a.length / 2);
            means[i] = d[j];
            weights[i] = d[j + 1];
            order[i] = i;
        }
        // np.argsort(kind="stable"): equal means (including -0.0 and 0.0) keep their order, NaN last
        Arrays.sort(order, (x, y) -> {
            double mx = means[x];
            double my = means[y];
            int nan = Boolean.compare(mx != mx, my != my);
            return nan != 0 ? nan : mx < my ? -1 : mx > my ? 1 : 0;
        });
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double cum = weights[order[0]];
        double sumMW = means[order[0]] * cum;
        double sumW = cum;
        double kLeft = k1(0.0, delta);
        double kBefore = k1(cum / total, delta);
        for (int i = 1; i < k; i++) {
            int c = order[i];
            cum += weights[c];
            double kRight = k1(cum / total, delta);
            if (kRight - kLeft > 1.0) {
                sink.centroid(sumMW / sumW, sumW);
                kLeft = kBefore;
                sumMW = 0;
                sumW = 0;
            }
            sumMW += means[c] * weights[c];
            sumW += weights[c];
            kBefore = kRight;
        }
        sink.centroid(sumMW / sumW, sumW);
    }

    /**
     * {@code quantile_from_tdigest(digest, q)}: the rank {@code q * (n - 1)} is located in the
     * centroid whose rank span {@code [upper[k-1], upper[k] - 1]} holds it and interpolated
     * between the midpoints of neighbouring means; NaN for an empty digest.
     */
    public static double quantile(float[] digest, double q) {
        int k = digest.length / 2;
        if (k == 0) {
            return Double.NaN;
        }
        double n = totalWeight(digest);
        double target = q * (n - 1);
        double upper = 0;
        for (int c = 0; c < k; c++) {
            double lo = upper;
            upper += digest[2 * c + 1];
            double hi = upper - 1.0;
            if (target <= hi) {
                double mean = digest[2 * c];
                if (hi <= lo) {
                    return mean;
                }
                double frac = (target - lo) / (hi - lo);
                double loVal = c == 0 ? mean : ((double) digest[2 * c - 2] + mean) / 2.0;
                double hiVal = c == k - 1 ? mean : (mean + (double) digest[2 * c + 2]) / 2.0;
                return loVal + frac * (hiVal - loVal);
            }
        }
        return digest[2 * k - 2];
    }

    /**
     * {@code cdf_from_tdigest(digest, x)}: the cumulative weight at {@code x}, interpolated
     * linearly between the centroid means placed at their weight midpoints
     * ({@code np.interp(x, means, cum - w/2, left=0, right=total)}); a one-centroid digest is a
     * step at its mean; NaN for an empty digest.
     */
    public static double cdf(float[] digest, double x) {
        int k = digest.length / 2;
        if (k == 0) {
            return Double.NaN;
        }
        double total = totalWeight(digest);
        if (k == 1) {
            return x >= digest[0] ? total : 0.0;
        }
        if (x != x) {
            return x;
        }
        if (x > digest[2 * k - 2]) {
            return total;
        }
        if (x < digest[0]) {
            return 0.0;
        }
        // np.interp: j is the last mean <= x; its own value is returned at the last mean or on a tie
        int j = 0;
        while (j + 1 < k && digest[2 * j + 2] <= x) {
            j++;
        }
        double cum = 0;
        double centreJ = 0;
        double centreNext = 0;
        for (int c = 0; c <= Math.min(j + 1, k - 1); c++) {
            double w = digest[2 * c + 1];
            cum += w;
            double centre = cum - w / 2.0;
            if (c == j) {
                centreJ = centre;
            } else {
                centreNext = centre;
            }
        }
        double xj = digest[2 * j];
        if (j == k - 1 || xj == x) {
            return centreJ;
        }
        double xNext = digest[2 * j + 2];
        double slope = (centreNext - centreJ) / (xNext - xj);
        double r = slope * (x - xj) + centreJ;
        if (r != r) {
            r = slope * (x - xNext) + centreNext;
            if (r != r && centreJ == centreNext) {
                r = centreJ;
            }
        }
        return r;
    }

    /** {@code weights.sum()}: numpy's pairwise float64 sum of the weights. */
    private static double totalWeight(float[] digest) {
        double[] w = new double[digest.length / 2];
        for (int c = 0; c < w.length; c++) {
            w[c] = digest[2 * c + 1];
        }
        return NumpySum.sum(w, 0, w.length);
    }
}
