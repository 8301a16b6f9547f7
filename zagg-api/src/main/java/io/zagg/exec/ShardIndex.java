package io.zagg.exec;

import io.zagg.grid.Healpix;
import java.util.Arrays;

/**
 * One coordinate table (a granule beam's segment reference points) indexed by shard: for each
 * shard the table touches, the ascending positions of its points there. Built once — one
 * HEALPix hash per point — so that each of the many shards testing the table afterwards finds
 * its points by a binary search, in time proportional to them rather than to the table.
 * Invalid coordinates belong to no shard.
 */
final class ShardIndex {

    private final long[] shards;   // ascending
    private final int[] offsets;   // positions of shards[i]: positions[offsets[i] .. offsets[i + 1])
    private final int[] positions;

    private ShardIndex(long[] shards, int[] offsets, int[] positions) {
        this.shards = shards;
        this.offsets = offsets;
        this.positions = positions;
    }

    /** Indexes {@code (lat[i], lon[i])} by their NESTED shard at {@code shardOrder}, hashing at order 29 and shifting, as the index stage does. */
    static ShardIndex of(double[] lat, double[] lon, int shardOrder) {
        int n = lat.length;
        long[] leaves = new long[n];
        Healpix.nested(Healpix.MAX_ORDER, lat, lon, leaves);
        int shift = 2 * (Healpix.MAX_ORDER - shardOrder);
        // a track crosses few shards: its points come in long runs of one shard, sorted as runs
        long[] runShard = new long[n];
        int[] runStart = new int[n];
        int[] runEnd = new int[n];
        int runs = 0;
        int valid = 0;
        for (int i = 0; i < n; i++) {
            if (leaves[i] == Healpix.INVALID) {
                continue;
            }
            valid++;
            long shard = leaves[i] >>> shift;
            if (runs > 0 && runShard[runs - 1] == shard && runEnd[runs - 1] == i) {
                runEnd[runs - 1] = i + 1;
            } else {
                runShard[runs] = shard;
                runStart[runs] = i;
                runEnd[runs] = i + 1;
                runs++;
            }
        }
        Integer[] order = new Integer[runs];
        for (int r = 0; r < runs; r++) {
            order[r] = r;
        }
        // stable: runs of one shard stay in position order
        Arrays.sort(order, (a, b) -> Long.compare(runShard[a], runShard[b]));
        int distinct = 0;
        for (int r = 0; r < runs; r++) {
            if (r == 0 || runShard[order[r]] != runShard[order[r - 1]]) {
                distinct++;
            }
        }
        long[] shards = new long[distinct];
        int[] offsets = new int[distinct + 1];
        int[] positions = new int[valid];
        int s = -1;
        int p = 0;
        for (int r = 0; r < runs; r++) {
            int run = order[r];
            if (s < 0 || runShard[run] != shards[s]) {
                shards[++s] = runShard[run];
                offsets[s] = p;
            }
            for (int i = runStart[run]; i < runEnd[run]; i++) {
                positions[p++] = i;
            }
        }
        offsets[distinct] = p;
        return new ShardIndex(shards, offsets, positions);
    }

    /** The ascending positions of the points in {@code shardNested}; empty when the table does not touch it. */
    int[] positions(long shardNested) {
        int i = Arrays.binarySearch(shards, shardNested);
        return i < 0 ? new int[0] : Arrays.copyOfRange(positions, offsets[i], offsets[i + 1]);
    }

    /** The shards the table touches, ascending (NESTED at the shard order). */
    long[] shards() {
        return shards.clone();
    }

    /** The first position of the table in {@code shardNested}, or -1. */
    int firstPosition(long shardNested) {
        int i = Arrays.binarySearch(shards, shardNested);
        return i < 0 ? -1 : positions[offsets[i]];
    }

    /** The bytes the index holds. */
    long bytes() {
        return 8L * shards.length + 4L * (offsets.length + positions.length);
    }
}
