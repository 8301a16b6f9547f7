package io.zagg.test;

/**
 * zagg's gain/bias waveform ({@code atl03_gain_bias_healpix.yaml}) written out for tests, step by
 * step in float32 from the config's expressions, independently of the library's kernels: the
 * chunk gain and offset over a chunk's pooled rows, and a cell's 128-bin histogram found by
 * scanning numpy's float32 edges.
 */
public final class GainBiasFormulas {

    public static final int BINS = 128;

    private GainBiasFormulas() {
    }

    /** {@code np.float32(np.maximum(0.5, 2.0 ** np.ceil(np.log2(np.maximum(1e-6, np.max(h) - np.min(h)) / 128.0))))}. */
    public static float gain(float[] h) {
        float hi = Float.NEGATIVE_INFINITY;
        float lo = Float.POSITIVE_INFINITY;
        for (float v : h) {
            hi = Math.max(hi, v);
            lo = Math.min(lo, v);
        }
        float range = Math.max(1e-6f, hi - lo);
        float log2 = (float) (Math.log(range / 128f) / Math.log(2));
        return Math.max(0.5f, (float) Math.pow(2, Math.ceil(log2)));
    }

    /** {@code np.float32(np.floor(np.min(dem)))}. */
    public static float offset(float[] dem) {
        float lo = Float.POSITIVE_INFINITY;
        for (float v : dem) {
            lo = Math.min(lo, v);
        }
        return (float) Math.floor(lo);
    }

    /**
     * {@code np.histogram(h[from:to], 128, (offset - 27.0 * gain, offset + 101.0 * gain))[0]}
     * with float32 bounds: numpy's float32 linspace edges, each value counted in the bin whose
     * edges enclose it (the last bin closed on the right).
     */
    public static long[] waveform(float[] h, int from, int to, float gain, float offset) {
        float lo = offset - 27f * gain;
        float hi = offset + 101f * gain;
        float step = (hi - lo) / BINS;
        float[] edges = new float[BINS + 1];
        for (int i = 0; i < BINS; i++) {
            edges[i] = i * step + lo;
        }
        edges[BINS] = hi;
        long[] counts = new long[BINS];
        for (int r = from; r < to; r++) {
            for (int b = 0; b < BINS; b++) {
                if (h[r] >= edges[b] && (h[r] < edges[b + 1] || b == BINS - 1 && h[r] == edges[b + 1])) {
                    counts[b]++;
                    break;
                }
            }
        }
        return counts;
    }
}
