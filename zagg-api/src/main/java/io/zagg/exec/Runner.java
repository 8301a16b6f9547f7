package io.zagg.exec;

import io.zagg.Granules;
import io.zagg.RunPlan;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.grid.Healpix;
import io.zagg.grid.MortonWord;
import io.zagg.read.GranuleReader;
import io.zagg.read.ReadOptions;
import io.zagg.read.ShardSelector;
import io.zagg.store.DirectoryStore;
import io.zagg.store.FieldSpec;
import io.zagg.store.FillValue;
import io.zagg.store.HealpixGeometry;
import io.zagg.store.RunRecord;
import io.zagg.store.StoreTemplate;
import io.zagg.store.StoreWriter;
import io.zagg.Aggregation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Plans and runs a validated pipeline on this machine: finds the shards (from the shard map, or
 * by reading each granule's coordinates), emits the store template once, runs every shard on
 * the {@link LocalExecutor}, then finalizes the store (consolidated metadata, run record).
 */
public final class Runner {

    /** Granule files the reader keeps open (at least one per worker). */
    static final int OPEN_FILES = 16;

    private final RunSpec spec;
    /** Thread-safe and one per run: its segment cache serves the planner and every shard. */
    private final GranuleReader reader;
    /** The shard indexes of the segment tables the reader caches: built by the planner, used by every shard. */
    private final ShardIndexCache indexes;

    public Runner(RunSpec spec) {
        this.spec = spec;
        // inflated photon chunks outside the carriers' budget, as much room as the segment tables; the
        // cache holds far less unless many tracks are read at once: chunksPerDataset chunks of each
        // (about 18 MB for 4 granules of 6 beams, 36 MB for 8)
        this.reader = new GranuleReader(spec.layout(), ReadOptions.builder().exactRead(spec.exactRead())
                .openFiles(Math.max(OPEN_FILES, spec.workers())).chunkCacheBytes(ReadOptions.defaultCacheBytes())
                .chunksPerDataset(chunksPerDataset(spec.workers())).build());
        this.indexes = new ShardIndexCache(spec.grid().shardOrder());
    }

    /**
     * The chunks of each photon dataset the reader's inflated-chunk cache keeps: the workers run
     * neighbouring shards, so the more of them, the longer the stretch of each track in use.
     * Measured on the end-to-end benchmark (24 tracks of 4 datasets, shards along the tracks),
     * the fewest with no chunk inflated twice are 2 for 1 to 4 workers, 3 for 8 and 7 for 16.
     */
    static int chunksPerDataset(int workers) {
        return ReadOptions.Builder.CHUNKS_PER_DATASET + workers / 4;
    }

    /** The shards to process, each with its granules in read order. */
    public RunPlan plan() {
        try {
            return schedule().plan();
        } finally {
            reader.releaseAll();
        }
    }

    /**
     * The plan and the order to run its shards in: along the tracks of their first granule
     * (then by key), so that the shards running at one time, and one after another, read
     * neighbouring photon chunks — which the reader then inflates about once instead of once
     * per shard overlapping them. A shard map records no positions: its shards go by first
     * granule, then key.
     */
    private Schedule schedule() {
        Map<Long, Long> along = new HashMap<>();
        Map<Long, List<Path>> byShard = spec.granules().shardMap().isPresent() ? fromShardMap() : discover(along);
        List<RunPlan.Shard> shards = new ArrayList<>();
        for (Map.Entry<Long, List<Path>> e : byShard.entrySet()) {
            if (!spec.shards().isEmpty() && !spec.shards().contains(e.getKey())) {
                continue;
            }
            if (shards.size() == spec.maxShards()) {
                break;
            }
            shards.add(new RunPlan.Shard(e.getKey(), e.getValue()));
        }
        for (long wanted : spec.shards()) {
            if (!byShard.containsKey(wanted)) {
                throw new IllegalArgumentException("shard " + MortonWord.toString(wanted) + " is not among the "
                        + byShard.size() + " planned shards");
            }
        }
        Map<Path, Integer> granuleOrder = new HashMap<>();
        for (RunPlan.Shard s : shards) {
            for (Path g : s.granules()) {
                granuleOrder.putIfAbsent(g, granuleOrder.size());
            }
        }
        List<RunPlan.Shard> order = new ArrayList<>(shards);
        order.sort(Comparator.<RunPlan.Shard>comparingInt(s -> s.granules().isEmpty() ? -1 : granuleOrder.get(s.granules().get(0)))
                .thenComparingLong(s -> along.getOrDefault(s.key(), 0L))
                .thenComparing(RunPlan.Shard::key, Long::compareUnsigned));
        return new Schedule(new RunPlan(spec.grid(), shards), order);
    }

    /** A plan and its shards in the order to run them. */
    private record Schedule(RunPlan plan, List<RunPlan.Shard> order) {
    }

    private Map<Long, List<Path>> fromShardMap() {
        Granules.ShardMapSource source = spec.granules().shardMap().get();
        ShardMap map = source.map();
        map.checkSignature(spec.grid().signature());
        Map<Long, List<Path>> out = new LinkedHashMap<>();
        for (int i = 0; i < map.size(); i++) {
            List<Path> files = new ArrayList<>();
            for (GranuleRef ref : map.granules(i)) {
                files.add(ref.resolve(source.searchFolders()).orElseThrow(() -> new IllegalArgumentException(
                        "shard map " + source.file() + ": granule " + ref.id() + " has no local file (looked for its path and in "
                                + source.searchFolders() + ")")));
            }
            out.put(map.shardKey(i), files);
        }
        return out;
    }

    /**
     * Maps granules to the shards they touch by reading their coordinates (with a read plan:
     * only the segments' reference points, which is all the planned read can select from; their
     * shard indexes, built here, serve the shards later). Records in {@code along} where each
     * shard lies along the tracks of the first granule touching it: the first row of any beam
     * there.
     */
    private Map<Long, List<Path>> discover(Map<Long, Long> along) {
        Map<Long, Set<Path>> found = new TreeMap<>(Long::compareUnsigned);
        int shardOrder = spec.grid().shardOrder();
        int shift = 2 * (Healpix.MAX_ORDER - shardOrder);
        for (Path granule : spec.granules()) {
            Map<Long, Long> first = new LinkedHashMap<>();
            reader.read(granule, new ShardSelector() {
                @Override
                public void select(double[] lat, double[] lon, boolean[] selected) {
                    long[] leaves = new long[lat.length];
                    Healpix.nested(Healpix.MAX_ORDER, lat, lon, leaves);
                    for (int i = 0; i < leaves.length; i++) {
                        if (leaves[i] != Healpix.INVALID) {
                            first.merge(MortonWord.fromNested(leaves[i] >>> shift, shardOrder), (long) i, Math::min);
                        }
                    }
                }

                @Override
                public int[] matchRepeated(double[] lat, double[] lon) {
                    ShardIndex index = indexes.of(lat, lon);
                    for (long shard : index.shards()) {
                        first.merge(MortonWord.fromNested(shard, shardOrder), (long) index.firstPosition(shard), Math::min);
                    }
                    return new int[0];
                }
            });
            first.forEach((shard, row) -> {
                found.computeIfAbsent(shard, k -> new LinkedHashSet<>()).add(granule);
                along.putIfAbsent(shard, row);
            });
        }
        Map<Long, List<Path>> out = new LinkedHashMap<>();
        found.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }

    /** {@link #plan()} plus the store check: the template an existing store has must match (or overwrite). */
    public RunPlan dryRun(Path store) {
        RunPlan plan = plan();
        try {
            StoreWriter.check(DirectoryStore.open(store), template(), spec.overwrite());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return plan;
    }

    /** Runs every planned shard into {@code store} and finalizes it. */
    public RunReport write(Path store) {
        long started = System.nanoTime();
        Schedule schedule = schedule();
        try {
            StoreWriter writer = StoreWriter.create(DirectoryStore.open(store), template(), spec.overwrite());
            List<LocalExecutor.ShardJob> jobs = new ArrayList<>();
            for (RunPlan.Shard s : schedule.order()) {
                jobs.add(new LocalExecutor.ShardJob(s.key(), s.granules()));
            }
            GranuleRelease listener = new GranuleRelease(jobs, reader::release, spec.listener());
            listener.runStarted(jobs.size());
            LocalExecutor executor = new LocalExecutor(spec.workers(), spec.memoryBudget(),
                    () -> new ShardTask(reader, spec.grid(), spec.fields(), spec.chunkStages(), spec.carrier(), indexes));
            Map<Long, ShardReport> byKey = new HashMap<>();
            for (ShardReport r : executor.run(jobs, writer, listener)) {
                byKey.put(r.shardKey(), r);
            }
            List<ShardReport> reports = new ArrayList<>();
            for (RunPlan.Shard s : schedule.plan().shards()) {
                reports.add(byKey.get(s.key()));
            }
            long withData = reports.stream().filter(r -> r.status() == ShardStatus.OK).count();
            long empty = reports.stream().filter(r -> r.status() == ShardStatus.EMPTY).count();
            List<Long> failed = reports.stream().filter(r -> r.status() == ShardStatus.FAILED).map(ShardReport::shardKey).toList();
            writer.finish(RunRecord.of(withData, empty, failed));
            RunReport report = new RunReport(store.toString(), spec.carrier().name(), (System.nanoTime() - started) / 1e9, reports);
            listener.runFinished(report);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        } finally {
            reader.releaseAll();
        }
    }

    StoreTemplate template() {
        List<FieldSpec> fields = new ArrayList<>();
        for (Aggregation a : spec.fields()) {
            fields.add(storeField(a));
        }
        return StoreTemplate.of(HealpixGeometry.of(spec.grid(), spec.gridSpec().isSharded()), spec.compressor(), fields);
    }

    static FieldSpec storeField(Aggregation a) {
        FieldSpec field;
        switch (a.kind()) {
            case RAGGED:
                field = FieldSpec.ragged(a.name(), a.dtype(), toArray(a.shape()));
                break;
            case VECTOR:
                field = FieldSpec.vector(a.name(), FillValue.of(a.dtype(), a.fill()), toArray(a.shape()));
                break;
            default:
                field = FieldSpec.scalar(a.name(), FillValue.of(a.dtype(), a.fill()));
        }
        return a.isPerChunk() ? field.atChunkResolution() : field;
    }

    private static int[] toArray(List<Integer> shape) {
        return shape.stream().mapToInt(Integer::intValue).toArray();
    }
}
