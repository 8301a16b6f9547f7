package io.zagg.spi;

import java.util.Objects;

/**
 * What a carrier is told when it is created for one shard.
 *
 * @param memoryBudget the most bytes the carrier may hold at any moment for this shard; an
 *                     allocation beyond it fails with {@link MemoryBudgetException}
 * @param threads      the most threads the carrier may use for its own bulk work (concat, gather,
 *                     encode). The executor already runs shards in parallel, so the built-in
 *                     carriers work on the calling thread; a carrier may use more up to this bound
 * @param shard        names the shard in messages and in allocator names (e.g. the shard's
 *                     morton word)
 */
public record CarrierContext(long memoryBudget, int threads, String shard) {

    public CarrierContext {
        if (memoryBudget <= 0) {
            throw new IllegalArgumentException("memory budget " + memoryBudget + " must be positive");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        Objects.requireNonNull(shard, "shard");
        if (shard.isBlank()) {
            throw new IllegalArgumentException("shard label must not be blank");
        }
    }

    /** A context for one thread with the given budget and shard label. */
    public static CarrierContext of(long memoryBudget, String shard) {
        return new CarrierContext(memoryBudget, 1, shard);
    }
}
