package io.zagg;

import io.zagg.exec.GranuleRef;
import io.zagg.exec.ShardMap;
import io.zagg.grid.HealpixGrid;
import io.zagg.grid.MortonWord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shards a run will process, each with its granules in read order: what
 * {@link Pipeline#plan()} finds and {@code zagg shardmap} writes as a zagg shard map.
 *
 * @param grid the output grid
 * @param shards the shards in processing order (ascending unsigned key)
 */
public record RunPlan(HealpixGrid grid, List<Shard> shards) {

    public RunPlan {
        shards = List.copyOf(shards);
    }

    /**
     * One shard and its granules.
     *
     * @param key the shard's morton word at the shard order (unsigned)
     * @param granules the local granule files, in read order
     */
    public record Shard(long key, List<Path> granules) {
        public Shard {
            granules = List.copyOf(granules);
        }

        @Override
        public String toString() {
            return "shard " + MortonWord.toString(key) + ": " + granules.size() + " granules";
        }
    }

    /** Granule-to-shard pairs (zagg's {@code total_pairs}). */
    public long pairs() {
        return shards.stream().mapToLong(s -> s.granules().size()).sum();
    }

    /** Writes the plan as a zagg shard map whose granule records carry their local {@code path}. */
    public void writeShardMap(Path file, Map<String, Object> metadata) throws IOException {
        Map<Long, List<GranuleRef>> byShard = new LinkedHashMap<>();
        for (Shard s : shards) {
            byShard.put(s.key(), s.granules().stream().map(GranuleRef::local).toList());
        }
        Map<String, Object> meta = new LinkedHashMap<>(metadata);
        meta.put("total_shards", shards.size());
        meta.put("total_pairs", pairs());
        ShardMap.of(meta, grid.signature(), byShard).write(file);
    }

    /** zagg's dry-run summary: shards and granules per shard (min, max, mean). */
    @Override
    public String toString() {
        IntSummary g = IntSummary.of(shards);
        return String.format(java.util.Locale.ROOT, "%d shards, %d granule-shard pairs, granules per shard min %d / max %d / mean %.1f",
                shards.size(), pairs(), g.min, g.max, g.mean);
    }

    private record IntSummary(int min, int max, double mean) {
        static IntSummary of(List<Shard> shards) {
            return shards.isEmpty() ? new IntSummary(0, 0, 0)
                    : new IntSummary(shards.stream().mapToInt(s -> s.granules().size()).min().getAsInt(),
                            shards.stream().mapToInt(s -> s.granules().size()).max().getAsInt(),
                            shards.stream().mapToInt(s -> s.granules().size()).average().getAsDouble());
        }
    }
}
