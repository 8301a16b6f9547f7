package io.zagg.read;

import io.zagg.spi.DType;

/**
 * A shard test that also keys every point it selects with a number it computes on the way —
 * HEALPix: the point's cell in the shard, from the same hash that placed it in the shard. The
 * reader carries the keys with the rows, compacted like every column, and hands them out as
 * {@link BeamRead#keys()}, so whoever groups the rows never repeats the test's arithmetic on
 * their coordinates (and need not keep the coordinates for it).
 */
public interface KeyingSelector extends ShardSelector {

    /**
     * The dtype of the keys column the reader hands out, {@link DType#INT32} or
     * {@link DType#INT64}; with INT32 every key must fit 32 bits (the reader narrows them).
     */
    DType keyType();

    /**
     * {@link #select(double[], double[], boolean[])}, and {@code keys[i]} for every point it
     * selects; other entries of {@code keys} are ignored. The four arrays have the same length.
     */
    void select(double[] lat, double[] lon, boolean[] selected, long[] keys);

    @Override
    default void select(double[] lat, double[] lon, boolean[] selected) {
        select(lat, lon, selected, new long[lat.length]);
    }
}
