package io.zagg.jmh;

import io.zagg.jmh.ShardColumns.RowOrder;
import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierMemory;
import io.zagg.spi.ShardStage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * The stages of a shard's path through a carrier (see {@link Carrier}), one {@code @Benchmark}
 * each, per carrier: {@code build} loads four beams' decoded heap columns
 * ({@code carrier.load(InputBatch)}), {@code concat} joins them, {@code sortGather} groups the
 * rows by cell ({@code CellSort} over the carrier's cell column, which is then released as the
 * engine releases its cell keys, and {@code Batch.gather} of {@code h}), and {@code reduceEncode}
 * works chunk by chunk of 4,096 cells as the engine's shard task does: count, min, max, mean and
 * var per cell with {@code ShardReduction} from the carrier's {@code h} into a carrier output
 * batch of the chunk's cells, each output column encoded, the batch closed before the next chunk.
 *
 * <p>Every invocation creates its own carrier and closes it afterwards (an Arrow carrier closes
 * its child allocator, which fails on a leak). The stages before the measured one run in a
 * {@code @Setup(Level.Invocation)} method and the close in a {@code @TearDown(Level.Invocation)}
 * method, outside the timed part: unavoidable here, because each stage consumes its input. An
 * invocation takes a millisecond or more, so JMH's timestamps around it cost little.
 *
 * <p>Scores: shards per second, and through {@link RowCounters} the shard's input rows per second
 * ({@code :rows}) and its 8 input bytes a row ({@code :bytes}), for every stage, so stage rates
 * add up as a shard's path does. Memory: {@code -prof gc} gives heap bytes allocated per
 * operation ({@code gc.alloc.rate.norm}), and {@link CarrierPeaks} the bytes the carrier itself
 * held (heap arrays for {@code plain}, the allocator's off-heap buffers for {@code arrow}), so
 * on- and off-heap bytes appear in one table. Note that {@code gc.alloc.rate.norm} counts the
 * whole invocation, the set-up stages included.
 *
 * <p>{@code carrier} lists the two built-in carriers because JMH needs literal parameter values;
 * any carrier that {@code io.zagg.Carriers.names()} discovers on the class path is measured with
 * {@code -p carrier=NAME}.
 *
 * <pre>{@code java --add-opens=java.base/java.nio=ALL-UNNAMED -jar zagg-jmh/target/benchmarks.jar CarrierStages \
 *     -f 1 -wi 1 -i 3 -w 1s -r 1s -p rows=1000000 -prof gc}</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-opens=java.base/java.nio=ALL-UNNAMED"})
public class CarrierStagesBenchmark {

    /** The shard, split into beams, and the carrier to measure. */
    @State(Scope.Benchmark)
    public static class Shard extends ShardShape {

        /** A carrier name as {@code io.zagg.Carriers.named} takes it. */
        @Param({"plain", "arrow"})
        public String carrier;

        @Param({"CLUSTERED", "RANDOM"})
        public RowOrder order;

        ShardPath path;

        @Setup(Level.Trial)
        public void split() {
            path = new ShardPath(generate(order), carrier);
        }
    }

    /**
     * The carrier's memory after the measured stage, reported by JMH next to the scores:
     * {@code stagePeakBytes}, the most bytes it held while that stage ran (for
     * {@code reduceEncode}, while either of its stages ran);
     * {@code peakCarrierBytes}, the most it held since it was created
     * ({@code carrier.memory().peakBytes()}); and {@code peakToInput}, that peak over the decoded
     * input bytes. JMH sums {@code EVENTS} counters over the measured iterations, so each value is
     * recorded once per trial, in the first measured iteration, and reads as the value of one
     * invocation (the stages are deterministic: every invocation holds the same bytes).
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CarrierPeaks {

        public long stagePeakBytes;
        public long peakCarrierBytes;
        public double peakToInput;

        /** Whether this iteration records: the first measured one only. */
        boolean recording;
        private boolean recorded;

        @Setup(Level.Iteration)
        public void startIteration(IterationParams iteration) {
            stagePeakBytes = 0;
            peakCarrierBytes = 0;
            peakToInput = 0;
            recording = !recorded && iteration.getType() == IterationType.MEASUREMENT;
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            recorded |= recording;
        }

        void record(Carrier carrier, ShardStage stage) {
            CarrierMemory memory = carrier.memory();
            if (recording) {
                // the reduce-and-encode benchmark interleaves the two stages chunk by chunk: report their common peak
                stagePeakBytes = stage == ShardStage.ENCODE
                        ? Math.max(memory.stagePeaks().get(ShardStage.REDUCE), memory.stagePeaks().get(stage))
                        : memory.stagePeaks().get(stage);
                peakCarrierBytes = memory.peakBytes();
                peakToInput = memory.peakToInput();
            }
        }
    }

    /** A fresh carrier per invocation, closed after it; subclasses bring it up to their stage. */
    @State(Scope.Thread)
    public abstract static class Invocation {

        Carrier carrier;

        @TearDown(Level.Invocation)
        public void close() {
            carrier.close();
            carrier = null;
        }
    }

    /** A new, empty carrier. */
    public static class Empty extends Invocation {
        @Setup(Level.Invocation)
        public void open(Shard shard) {
            carrier = shard.path.newCarrier();
        }
    }

    /** The beams loaded. */
    public static class Loaded extends Invocation {
        List<Batch> reads;

        @Setup(Level.Invocation)
        public void open(Shard shard) {
            carrier = shard.path.newCarrier();
            reads = shard.path.load(carrier);
        }
    }

    /** The beams concatenated. */
    public static class Concatenated extends Invocation {
        Batch rows;

        @Setup(Level.Invocation)
        public void open(Shard shard) {
            carrier = shard.path.newCarrier();
            rows = shard.path.concat(carrier, shard.path.load(carrier));
        }
    }

    /** The rows sorted by cell, with their runs. */
    public static class Sorted extends Invocation {
        ShardPath.SortedRows sorted;

        @Setup(Level.Invocation)
        public void open(Shard shard) {
            carrier = shard.path.newCarrier();
            sorted = shard.path.sortGather(carrier, shard.path.concat(carrier, shard.path.load(carrier)));
        }
    }

    @Benchmark
    public List<Batch> build(Shard shard, Empty run, RowCounters counters, CarrierPeaks peaks) {
        List<Batch> reads = shard.path.load(run.carrier);
        finish(shard, run, ShardStage.READ, counters, peaks);
        return reads;
    }

    @Benchmark
    public Batch concat(Shard shard, Loaded run, RowCounters counters, CarrierPeaks peaks) {
        Batch rows = shard.path.concat(run.carrier, run.reads);
        finish(shard, run, ShardStage.CONCAT, counters, peaks);
        return rows;
    }

    @Benchmark
    public ShardPath.SortedRows sortGather(Shard shard, Concatenated run, RowCounters counters, CarrierPeaks peaks) {
        ShardPath.SortedRows sorted = shard.path.sortGather(run.carrier, run.rows);
        finish(shard, run, ShardStage.SORT, counters, peaks);
        return sorted;
    }

    @Benchmark
    public long reduceEncode(Shard shard, Sorted run, RowCounters counters, CarrierPeaks peaks, Blackhole bh) {
        long cells = shard.path.reduceEncode(run.carrier, run.sorted, (name, chunk) -> bh.consume(chunk));
        finish(shard, run, ShardStage.ENCODE, counters, peaks);
        return cells;
    }

    private static void finish(Shard shard, Invocation run, ShardStage stage, RowCounters counters, CarrierPeaks peaks) {
        counters.countShard(shard.rows);
        peaks.record(run.carrier, stage);
    }
}
