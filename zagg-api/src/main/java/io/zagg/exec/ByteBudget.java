package io.zagg.exec;

/**
 * A run's memory budget shared by its concurrent shards: a shard reserves its estimated bytes
 * before it starts and returns them when it ends, so many dense shards never exceed the budget
 * together. A shard estimated above the whole budget still runs, but alone: refusing it would
 * fail a shard that fits once the others are done.
 */
final class ByteBudget {

    private final long limit;
    private long reserved;

    ByteBudget(long limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("memory budget " + limit + " bytes must be positive");
        }
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /**
     * Waits until {@code bytes} fit next to what other shards hold (or, for a request above the
     * limit, until nothing else is held), then reserves them.
     *
     * @return the bytes actually reserved, to hand back to {@link #release}
     */
    synchronized long acquire(long bytes) throws InterruptedException {
        long want = Math.max(0, bytes);
        while (reserved > 0 && reserved + want > limit) {
            wait();
        }
        reserved += want;
        return want;
    }

    synchronized void release(long bytes) {
        reserved -= bytes;
        if (reserved < 0) {
            throw new IllegalStateException("released more than was reserved (" + reserved + " bytes)");
        }
        notifyAll();
    }

    synchronized long reserved() {
        return reserved;
    }
}
