package io.zagg;

/** How one shard ended. */
public enum ShardStatus {
    /** Cells were written. */
    OK,
    /** No row of any granule fell in the shard after filtering: nothing to write, not an error. */
    EMPTY,
    /** The shard could not be processed; {@link ShardReport#error()} says why. */
    FAILED
}
