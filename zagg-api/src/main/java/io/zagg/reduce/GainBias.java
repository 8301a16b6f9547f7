package io.zagg.reduce;

import io.zagg.spi.Column;
import io.zagg.spi.DType;

/**
 * zagg's gain/bias waveform ({@code atl03_gain_bias_healpix.yaml}): per inner chunk, a gain (bin
 * width) and an offset (an absolute anchor) computed over the chunk's pooled rows, and per cell a
 * histogram over the window the two set. Each formula is computed in the column's dtype, step by
 * step as numpy 2 evaluates the config's expression, so the DSL waveform and the YAML config give
 * the same bits:
 * <pre>
 * chunk_gain   = float32(maximum(min_gain, 2.0 ** ceil(log2(maximum(1e-6, max(h) - min(h)) / bins))))
 * chunk_offset = float32(floor(min(anchor)))
 * window       = (chunk_offset - below * chunk_gain, chunk_offset + (bins - below) * chunk_gain)
 * </pre>
 * {@code max}/{@code min} propagate NaN, so a NaN value gives a NaN gain (and the histogram's
 * range then fails, as numpy's does).
 */
public final class GainBias {

    private GainBias() {
    }

    /** The chunk gain over the values {@code h} (at least one row), before its float32 cast. */
    public static double gain(Column h, int bins, double minGain) {
        if (h.dtype() == DType.FLOAT32) {
            float range = (float) extreme(h, true) - (float) extreme(h, false);
            float x = maximum((float) 1e-6, range) / bins;
            float exponent = (float) Math.ceil((float) NumpyMath.log2(x));
            return maximum((float) minGain, (float) Math.pow(2.0, exponent));
        }
        double range = extreme(h, true) - extreme(h, false);
        double x = maximum(1e-6, range) / bins;
        return maximum(minGain, Math.pow(2.0, Math.ceil(NumpyMath.log2(x))));
    }

    /** The chunk offset over the anchor values (at least one row), before its float32 cast. */
    public static double offset(Column anchor) {
        double min = extreme(anchor, false);
        return anchor.dtype() == DType.FLOAT32 ? (float) Math.floor((float) min) : Math.floor(min);
    }

    /** The window's lower edge, {@code offset - below * gain} in float32. */
    static float windowLow(float offset, float gain, int below) {
        return offset - (float) (below * (double) gain);
    }

    /** The window's upper edge, {@code offset + (bins - below) * gain} in float32. */
    static float windowHigh(float offset, float gain, int bins, int below) {
        return offset + (float) ((bins - below) * (double) gain);
    }

    /** {@code np.max}/{@code np.min}: NaN propagates; on a tie the later element wins. */
    private static double extreme(Column c, boolean max) {
        double r = c.getDouble(0);
        long n = c.rows() * c.width();
        for (long i = 1; i < n; i++) {
            double v = c.getDouble(i);
            r = (max ? r > v : r < v) || Double.isNaN(r) ? r : v;
        }
        return r;
    }

    /** {@code np.maximum(a, b)}: NaN propagates from either. */
    private static float maximum(float a, float b) {
        return a > b || Float.isNaN(a) ? a : b;
    }

    private static double maximum(double a, double b) {
        return a > b || Double.isNaN(a) ? a : b;
    }
}
