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

    private final RunSpec spec;
    /** Thread-safe and one per run: its segment cache serves the planner and every shard. */
    private final GranuleReader reader;

    public Runner(RunSpec spec) {
        this.spec = spec;
        this.reader = new GranuleReader(spec.layout(), ReadOptions.builder().exactRead(spec.exactRead()).build());
    }

    /** The shards to process, each with its granules in read order. */
    public RunPlan plan() {
        Map<Long, List<Path>> byShard = spec.granules().shardMap().isPresent() ? fromShardMap() : discover();
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
        return new RunPlan(spec.grid(), shards);
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
     * only the segments' reference points, which is all the planned read can select from).
     */
    private Map<Long, List<Path>> discover() {
        Map<Long, Set<Path>> found = new TreeMap<>(Long::compareUnsigned);
        int shift = 2 * (Healpix.MAX_ORDER - spec.grid().shardOrder());
        for (Path granule : spec.granules()) {
            Set<Long> touched = new LinkedHashSet<>();
            reader.read(granule, (lat, lon, selected) -> {
                long[] leaves = new long[lat.length];
                Healpix.nested(Healpix.MAX_ORDER, lat, lon, leaves);
                for (long leaf : leaves) {
                    if (leaf != Healpix.INVALID) {
                        touched.add(MortonWord.fromNested(leaf >>> shift, spec.grid().shardOrder()));
                    }
                }
            });
            for (long shard : touched) {
                found.computeIfAbsent(shard, k -> new LinkedHashSet<>()).add(granule);
            }
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
        RunPlan plan = plan();
        try {
            StoreWriter writer = StoreWriter.create(DirectoryStore.open(store), template(), spec.overwrite());
            List<LocalExecutor.ShardJob> jobs = new ArrayList<>();
            for (RunPlan.Shard s : plan.shards()) {
                jobs.add(new LocalExecutor.ShardJob(s.key(), s.granules()));
            }
            spec.listener().runStarted(jobs.size());
            LeafCache leaves = new LeafCache();
            LocalExecutor executor = new LocalExecutor(spec.workers(), spec.memoryBudget(),
                    () -> new ShardTask(reader, spec.grid(), spec.fields(), spec.carrier(), leaves));
            List<ShardReport> reports = executor.run(jobs, writer, spec.listener());
            long withData = reports.stream().filter(r -> r.status() == ShardStatus.OK).count();
            long empty = reports.stream().filter(r -> r.status() == ShardStatus.EMPTY).count();
            List<Long> failed = reports.stream().filter(r -> r.status() == ShardStatus.FAILED).map(ShardReport::shardKey).toList();
            writer.finish(RunRecord.of(withData, empty, failed));
            RunReport report = new RunReport(store.toString(), spec.carrier().name(), (System.nanoTime() - started) / 1e9, reports);
            spec.listener().runFinished(report);
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
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
        switch (a.kind()) {
            case RAGGED:
                return FieldSpec.ragged(a.name(), a.dtype(), toArray(a.shape()));
            case VECTOR:
                return FieldSpec.vector(a.name(), FillValue.of(a.dtype(), a.fill()), toArray(a.shape()));
            default:
                return FieldSpec.scalar(a.name(), FillValue.of(a.dtype(), a.fill()));
        }
    }

    private static int[] toArray(List<Integer> shape) {
        return shape.stream().mapToInt(Integer::intValue).toArray();
    }
}
