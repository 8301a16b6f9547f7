package io.zagg.read;

/**
 * The shard test of one read: which points belong to the shard being processed. The grid
 * supplies it (HEALPix: {@code shard_of(assign(lat, lon)) == shard}); the reader applies the
 * same test to photons and, for the read plan, to each segment's reference photon.
 *
 * <p>The reader only ever passes valid coordinates to {@link #select} (finite,
 * {@code |lat| <= 90}, finite longitude); it counts and drops the invalid ones itself, so
 * {@code select} never sees NaN.
 */
@FunctionalInterface
public interface ShardSelector {

    /**
     * Sets {@code selected[i]} for each point {@code (lat[i], lon[i])} (degrees) that belongs to
     * the shard. The three arrays have the same length; {@code selected} arrives all false.
     */
    void select(double[] lat, double[] lon, boolean[] selected);

    /**
     * The same test for coordinates the reader hands out again to later shards — a granule's
     * cached segment table (reference-photon coordinates) — answered as the ascending positions
     * of the points in the shard. The arrays are never modified and may hold invalid
     * coordinates, which never match. A selector may index a table once, keyed by the arrays'
     * identity, and answer every later shard in time proportional to its matches; by default
     * this is {@link #select} over the valid points.
     */
    default int[] matchRepeated(double[] lat, double[] lon) {
        return Rows.positions(Selection.of(this, lat, lon).mask());
    }
}
