package io.zagg.spi;

/**
 * The stages of one shard's path (architecture §3), in order. The engine marks each one with
 * {@link Carrier#enter(ShardStage)} so that the carrier's memory accounting can say which stage
 * held the most bytes.
 */
public enum ShardStage {
    /** Reader output handed over: {@link Carrier#load(InputBatch)}. */
    READ,
    /** Batches joined: {@link Carrier#concat(java.util.List)}. */
    CONCAT,
    /** Cell keys derived from the coordinates; coordinates released. */
    INDEX,
    /** Rows gathered into cell order: {@link Batch#gather(String)}. */
    SORT,
    /** Kernels read cell runs and fill the output batch. */
    REDUCE,
    /** Output chunks encoded as little-endian bytes for the writer. */
    ENCODE
}
