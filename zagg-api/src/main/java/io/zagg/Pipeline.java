package io.zagg;

import io.zagg.exec.RunSpec;
import io.zagg.exec.Runner;
import io.zagg.spi.CarrierProvider;
import io.zagg.store.Compressor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A run of zagg, described step by step. Every step returns a new immutable pipeline, so a
 * pipeline can be shared and varied; each step checks its own argument at once, and
 * {@link #plan()}, {@link #dryRun()} and {@link #write(Path)} check the whole pipeline (what
 * is missing, duplicate output names, columns no step provides) before any work starts.
 */
public final class Pipeline {

    static final Pipeline EMPTY = new Pipeline(new Settings());

    private final Settings s;

    private Pipeline(Settings s) {
        this.s = s;
    }

    private Pipeline with(java.util.function.Consumer<Settings> change) {
        Settings copy = s.copy();
        change.accept(copy);
        return new Pipeline(copy);
    }

    /** Reads these granules (files, a directory, a glob, or a shard map's). */
    public Pipeline read(Granules granules) {
        Objects.requireNonNull(granules, "granules");
        return with(c -> c.granules = granules);
    }

    /** What to read from each granule: {@code Layouts.atl03()}, {@code Layouts.atl06()} or a custom layout. */
    public Pipeline layout(Layout layout) {
        Objects.requireNonNull(layout, "layout");
        return with(c -> c.layout = layout);
    }

    /** The output grid: {@code Grids.healpix(11).chunks(13).cells(19)}. */
    public Pipeline grid(HealpixSpec grid) {
        Objects.requireNonNull(grid, "grid");
        return with(c -> c.grid = grid);
    }

    /** The per-cell statistics, one output array each ({@code count(), min("h_ph"), ...}). */
    public Pipeline aggregate(Aggregation... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("aggregate needs at least one statistic");
        }
        for (Aggregation a : fields) {
            Objects.requireNonNull(a, "aggregation");
        }
        List<Aggregation> list = List.copyOf(Arrays.asList(fields));
        return with(c -> c.fields = list);
    }

    /** The carrier of every shard's columns; default {@link Carriers#PLAIN}. */
    public Pipeline carrier(CarrierProvider carrier) {
        Objects.requireNonNull(carrier, "carrier");
        return with(c -> c.carrier = carrier);
    }

    /** Shards processed at once; default the available processors. */
    public Pipeline workers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers + " must be at least 1");
        }
        return with(c -> c.workers = workers);
    }

    /**
     * Bytes the carriers of all running shards may hold together; default half the maximum
     * heap. Each shard gets an equal share; a shard needing more runs alone with all of it.
     */
    public Pipeline memoryBudget(long bytes) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("memory budget " + bytes + " bytes must be positive");
        }
        return with(c -> c.memoryBudget = bytes);
    }

    /** Chunk compression: {@code none} (default, like zagg), {@code zstd[:level]} or {@code gzip[:level]}. */
    public Pipeline compressor(String compressor) {
        Compressor parsed = Compressor.parse(compressor);
        return with(c -> c.compressor = parsed);
    }

    /** Replaces an existing store whose template differs (without it, that is an error naming the difference). */
    public Pipeline overwrite() {
        return with(c -> c.overwrite = true);
    }

    /** Reads every photon instead of following the layout's segment read plan (exact, slower). */
    public Pipeline exactRead() {
        return with(c -> c.exactRead = true);
    }

    /** Hears about progress (shards started and finished). */
    public Pipeline progress(ProgressListener listener) {
        Objects.requireNonNull(listener, "listener");
        return with(c -> c.listener = listener);
    }

    /** Processes only these shards (unsigned morton words at the shard order). */
    public Pipeline shards(long... shardKeys) {
        List<Long> keys = new ArrayList<>();
        for (long k : shardKeys) {
            keys.add(k);
        }
        return with(c -> c.shards = List.copyOf(keys));
    }

    /** Processes at most the first {@code n} planned shards. */
    public Pipeline maxShards(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("max shards " + n + " must be at least 1");
        }
        return with(c -> c.maxShards = n);
    }

    /** Finds the shards to process and the granules of each, without writing anything. */
    public RunPlan plan() {
        return runner().plan();
    }

    /** {@link #plan()}, and checks that the store could be written (its template, overwrite rules). */
    public RunPlan dryRun(Path store) {
        return runner().dryRun(store);
    }

    /** Runs every planned shard and writes the store. Shard failures are in the report, never thrown. */
    public RunReport write(Path store) {
        return runner().write(store);
    }

    private Runner runner() {
        return new Runner(s.validated());
    }

    @Override
    public String toString() {
        return s.toString();
    }

    /** The mutable bag behind the immutable steps: each step changes a copy. */
    private static final class Settings {
        Granules granules;
        Layout layout;
        HealpixSpec grid;
        List<Aggregation> fields;
        CarrierProvider carrier = Carriers.PLAIN;
        int workers = Runtime.getRuntime().availableProcessors();
        long memoryBudget = Runtime.getRuntime().maxMemory() / 2;
        Compressor compressor = Compressor.none();
        boolean overwrite;
        boolean exactRead;
        ProgressListener listener = ProgressListener.none();
        List<Long> shards = List.of();
        int maxShards = Integer.MAX_VALUE;

        Settings copy() {
            Settings c = new Settings();
            c.granules = granules;
            c.layout = layout;
            c.grid = grid;
            c.fields = fields;
            c.carrier = carrier;
            c.workers = workers;
            c.memoryBudget = memoryBudget;
            c.compressor = compressor;
            c.overwrite = overwrite;
            c.exactRead = exactRead;
            c.listener = listener;
            c.shards = shards;
            c.maxShards = maxShards;
            return c;
        }

        RunSpec validated() {
            List<String> missing = new ArrayList<>();
            if (granules == null) {
                missing.add("granules (read(Granules.in(dir)))");
            }
            if (layout == null) {
                missing.add("layout (layout(Layouts.atl03()))");
            }
            if (grid == null) {
                missing.add("grid (grid(Grids.healpix(11)))");
            }
            if (fields == null) {
                missing.add("statistics (aggregate(count(), ...))");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("the pipeline has no " + String.join(", no ", missing));
            }
            return RunSpec.of(granules, layout, grid, fields, carrier, workers, memoryBudget, compressor, overwrite, exactRead,
                    listener, shards, maxShards);
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("Zagg");
            if (granules != null) {
                b.append(".read(").append(granules.size()).append(" granules)");
            }
            if (layout != null) {
                b.append(".layout(").append(layout.groups().size()).append(" beams)");
            }
            if (grid != null) {
                b.append(".grid(").append(grid).append(')');
            }
            if (fields != null) {
                b.append(".aggregate(").append(fields.stream().map(Aggregation::name).collect(java.util.stream.Collectors.joining(", "))).append(')');
            }
            b.append(".carrier(").append(carrier.name()).append(')');
            return b.toString();
        }
    }
}
