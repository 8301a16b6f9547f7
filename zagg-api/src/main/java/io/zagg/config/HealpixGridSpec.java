package io.zagg.config;

import java.util.Optional;

/**
 * {@code output.grid} of type {@code healpix}: shards at {@code parent_order}, Zarr chunks at
 * {@code chunk_inner} (the parent order unless declared), cells at {@code child_order}.
 */
public record HealpixGridSpec(int parentOrder, int childOrder, int chunkOrder, boolean sharded, Layout layout,
                              Optional<String> indexingScheme) {

    /** zagg's store layouts: {@code fullsphere} (the default) or the deprecated {@code dense}. */
    public enum Layout { FULLSPHERE, DENSE }

    /** Zarr chunks per shard: {@code 4^(chunk_inner - parent_order)}. */
    public long chunksPerShard() {
        return 1L << 2 * (chunkOrder - parentOrder);
    }
}
