package io.zagg;

import io.zagg.reduce.BuiltIn;
import io.zagg.reduce.GainBias;
import io.zagg.spi.Column;
import io.zagg.spi.DType;
import io.zagg.spi.ScalarReducer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * zagg's gain/bias waveform ({@code atl03_gain_bias_healpix.yaml}) as three fields that share
 * one altitude window per inner chunk: made by {@link Aggregations#waveform}. Per chunk, over the
 * chunk's pooled rows:
 * <pre>
 * chunk_gain   = float32(max(minGain, 2 ** ceil(log2(max(1e-6, max(h) - min(h)) / bins))))
 * chunk_offset = float32(floor(min(anchor)))
 * </pre>
 * and per cell the histogram of {@code h} over {@code bins} bins from
 * {@code chunk_offset - below·chunk_gain} to {@code chunk_offset + (bins - below)·chunk_gain}
 * (values outside are dropped): bin {@code k} of a chunk starts at
 * {@code offset_h + (k - below)·gain_h}. The bits equal those of zagg's YAML config. Immutable.
 *
 * <pre>{@code
 * Waveform w = Aggregations.waveform("h_ph", "dem_h", 128);
 * pipeline.aggregate(count(), w.counts(), w.offset(), w.gain());   // waveform_counts, offset_h, gain_h
 * }</pre>
 */
public final class Waveform {

    /** zagg's minimum gain (bin width), in the values' unit. */
    public static final double DEFAULT_MIN_GAIN = 0.5;

    private final String source;
    private final String anchor;
    private final int bins;
    private final int below;
    private final double minGain;
    private final ChunkValue gain;
    private final ChunkValue offset;

    private Waveform(String source, String anchor, int bins, int below, double minGain) {
        this.source = source;
        this.anchor = anchor;
        this.bins = bins;
        this.below = below;
        this.minGain = minGain;
        this.gain = ChunkValue.of("chunk_gain", source, new Gain(bins, minGain));
        this.offset = ChunkValue.of("chunk_offset", anchor, new Offset());
    }

    /** See {@link Aggregations#waveform}. */
    static Waveform of(String source, String anchor, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("waveform of " + source + ": bins " + bins + " must be at least 1");
        }
        return new Waveform(source, anchor, bins, bins * 27 / 128, DEFAULT_MIN_GAIN);
    }

    /**
     * This waveform with the anchor at the lower edge of bin {@code below} ({@code below} bins
     * under it); default {@code bins·27/128}, zagg's 27 of 128 for a mostly-above-ground return.
     */
    public Waveform binsBelowAnchor(int below) {
        if (below < 0 || below >= bins) {
            throw new IllegalArgumentException("waveform of " + source + ": bins below the anchor " + below + " must be in 0.."
                    + (bins - 1) + " for " + bins + " bins");
        }
        return new Waveform(source, anchor, bins, below, minGain);
    }

    /** This waveform with a smallest gain (bin width) of {@code minGain}; default {@value #DEFAULT_MIN_GAIN}. */
    public Waveform minGain(double minGain) {
        if (!(minGain > 0) || Double.isInfinite(minGain)) {
            throw new IllegalArgumentException("waveform of " + source + ": minimum gain " + minGain + " must be positive and finite");
        }
        return new Waveform(source, anchor, bins, below, minGain);
    }

    /** The per-cell counts: a vector of {@code bins} uint32, fill 0, named {@code waveform_counts}. */
    public Aggregation counts() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("bins", bins);
        params.put("below", below);
        params.put("gain", gain.name());
        params.put("offset", offset.name());
        return new Aggregation(BuiltIn.WAVEFORM.functionName(), List.of(source), params, null, "waveform_counts", DType.UINT32,
                null, Aggregation.Kind.VECTOR, List.of(bins), false, List.of(gain, offset));
    }

    /** The chunk's offset (its anchor), stored once per chunk as float32, named {@code offset_h}. */
    public Aggregation offset() {
        return companion(offset, "offset_h");
    }

    /** The chunk's gain (bin width), stored once per chunk as float32, named {@code gain_h}. */
    public Aggregation gain() {
        return companion(gain, "gain_h");
    }

    private static Aggregation companion(ChunkValue value, String name) {
        return Aggregations.chunkValue(value.name()).as(name).perChunk().needing(value);
    }

    @Override
    public String toString() {
        return "waveform(" + source + ", anchor " + anchor + ", " + bins + " bins, " + below + " below, min gain " + minGain + ")";
    }

    /** The chunk gain; a record, so equal waveforms compute equal chunk values. */
    private record Gain(int bins, double minGain) implements ScalarReducer {
        @Override
        public double reduce(Column values) {
            return GainBias.gain(values, bins, minGain);
        }
    }

    /** The chunk offset. */
    private record Offset() implements ScalarReducer {
        @Override
        public double reduce(Column values) {
            return GainBias.offset(values);
        }
    }
}
