package io.zagg.read;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * How a {@link GranuleReader} reads: its worker budget for decompressing chunks, whether it
 * ignores the layout's read plan (the exact read), whether it drops rows holding a variable's
 * {@code _FillValue}, and the compiler for expression filters.
 */
public final class ReadOptions {

    private final int parallelism;
    private final Executor executor;
    private final boolean exactRead;
    private final long segmentCacheBytes;
    private final long chunkCacheBytes;
    private final int chunksPerDataset;
    private final int openFiles;
    private final boolean dropFillValues;
    private final ExpressionCompiler expressions;

    private ReadOptions(Builder b) {
        this.parallelism = b.parallelism;
        this.segmentCacheBytes = b.segmentCacheBytes;
        this.chunkCacheBytes = b.chunkCacheBytes;
        this.chunksPerDataset = b.chunksPerDataset;
        this.openFiles = b.openFiles;
        this.executor = b.executor;
        this.exactRead = b.exactRead;
        this.dropFillValues = b.dropFillValues;
        this.expressions = b.expressions;
    }

    /** One thread (the caller's), the read plan honoured, fill values kept, no expressions. */
    public static ReadOptions defaults() {
        return builder().build();
    }

    /**
     * What a reader cache may hold when it is not told: an eighth of the heap, at most 256 MiB
     * (the segment cache's default; a run gives its inflated-chunk cache the same room).
     */
    public static long defaultCacheBytes() {
        return Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Threads that may decompress chunks at once, the caller's included. */
    public int parallelism() {
        return parallelism;
    }

    /** Where helper tasks run when {@link #parallelism()} is above 1. */
    public Optional<Executor> executor() {
        return Optional.ofNullable(executor);
    }

    /**
     * Bytes of decoded segment tables (reference-photon coordinates, link indices, segment
     * variables) a reader keeps for the next shards reading the same granules; 0 keeps none.
     */
    public long segmentCacheBytes() {
        return segmentCacheBytes;
    }

    /**
     * The most bytes of inflated photon-rate chunks a reader keeps for the next shards reading the
     * same stretch of track; 0 (the default) keeps none.
     */
    public long chunkCacheBytes() {
        return chunkCacheBytes;
    }

    /**
     * The most chunks of each dataset the inflated-chunk cache keeps, within {@link #chunkCacheBytes()}
     * in all (default {@value Builder#CHUNKS_PER_DATASET}).
     */
    public int chunksPerDataset() {
        return chunksPerDataset;
    }

    /**
     * Granule files a reader keeps open between reads (the least recently used is closed
     * beyond it); 0 (the default): each read opens its granule and closes it. A reader keeping
     * files open must be given {@link GranuleReader#releaseAll()} when done.
     */
    public int openFiles() {
        return openFiles;
    }

    /** True: every beam is read in full, whatever the layout's read plan says. */
    public boolean exactRead() {
        return exactRead;
    }

    /** True: a row is dropped when a variable (or broadcast variable) equals its dataset's {@code _FillValue}. */
    public boolean dropFillValues() {
        return dropFillValues;
    }

    public Optional<ExpressionCompiler> expressions() {
        return Optional.ofNullable(expressions);
    }

    @Override
    public String toString() {
        return "ReadOptions{parallelism=" + parallelism + (exactRead ? ", exactRead" : "") + (dropFillValues ? ", dropFillValues" : "")
                + (expressions != null ? ", expressions" : "") + (openFiles > 0 ? ", openFiles=" + openFiles : "")
                + (chunkCacheBytes > 0 ? ", chunkCacheBytes=" + chunkCacheBytes + ", chunksPerDataset=" + chunksPerDataset : "") + "}";
    }

    public static final class Builder {
        /**
         * The chunks of each dataset the chunk cache keeps by default: shards run along the tracks
         * need the chunk under them and the next one (measured: 2 for up to 4 workers running
         * neighbouring shards, on 4 and on 8 repeat passes); a third is the margin.
         */
        public static final int CHUNKS_PER_DATASET = 3;

        private int parallelism = 1;
        private Executor executor;
        private boolean exactRead;
        private long segmentCacheBytes = defaultCacheBytes();
        private long chunkCacheBytes;
        private int chunksPerDataset = CHUNKS_PER_DATASET;
        private int openFiles;
        private boolean dropFillValues;
        private ExpressionCompiler expressions;

        private Builder() {
        }

        /**
         * Decompresses up to {@code parallelism} chunks at once: the calling thread plus
         * {@code parallelism - 1} helper tasks on {@code executor}. Helpers that the executor
         * cannot start in time leave their work to the caller, so a busy (or shared) pool
         * slows a read down but never deadlocks it.
         */
        public Builder parallelism(int parallelism, Executor executor) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism " + parallelism + " must be at least 1");
            }
            if (parallelism > 1) {
                Objects.requireNonNull(executor, "parallelism " + parallelism + " needs an executor for its helper tasks");
            }
            this.parallelism = parallelism;
            this.executor = executor;
            return this;
        }

        /** Bytes of decoded segment tables kept across shards (default: 256 MiB or an eighth of the heap, the smaller). */
        public Builder segmentCacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("segment cache " + bytes + " bytes must not be negative");
            }
            this.segmentCacheBytes = bytes;
            return this;
        }

        /** The most bytes of inflated photon-rate chunks kept across shards (default 0: none). */
        public Builder chunkCacheBytes(long bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("chunk cache " + bytes + " bytes must not be negative");
            }
            this.chunkCacheBytes = bytes;
            return this;
        }

        /** The most chunks of each dataset the chunk cache keeps (within its bytes in all). */
        public Builder chunksPerDataset(int chunks) {
            if (chunks < 1) {
                throw new IllegalArgumentException("chunks per dataset " + chunks + " must be at least 1");
            }
            this.chunksPerDataset = chunks;
            return this;
        }

        /** Granule files kept open between reads (default 0: each read opens and closes its granule). */
        public Builder openFiles(int files) {
            if (files < 0) {
                throw new IllegalArgumentException("open files " + files + " must not be negative");
            }
            this.openFiles = files;
            return this;
        }

        /** Ignore the layout's read plan and read every beam in full. */
        public Builder exactRead(boolean exactRead) {
            this.exactRead = exactRead;
            return this;
        }

        /** Drop rows whose variable equals its {@code _FillValue} attribute (zagg keeps them: default false). */
        public Builder dropFillValues(boolean drop) {
            this.dropFillValues = drop;
            return this;
        }

        /** The compiler of the layout's expression filters (required when it has any). */
        public Builder expressions(ExpressionCompiler compiler) {
            this.expressions = Objects.requireNonNull(compiler, "compiler");
            return this;
        }

        public ReadOptions build() {
            return new ReadOptions(this);
        }
    }
}
