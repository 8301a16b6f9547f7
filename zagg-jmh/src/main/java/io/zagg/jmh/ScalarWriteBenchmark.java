package io.zagg.jmh;

import io.zagg.spi.DType;
import io.zagg.store.Compressor;
import io.zagg.store.DirectoryStore;
import io.zagg.store.FieldSpec;
import io.zagg.store.FillValue;
import io.zagg.store.HealpixGeometry;
import io.zagg.store.ShardWriter;
import io.zagg.store.StoreTemplate;
import io.zagg.store.StoreWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast the store takes the many small objects of a scalar run — the end-to-end benchmark's
 * output (shard order 11, chunk order 13, cell order 19: 4,096 cells a chunk, uncompressed), where
 * the cost is per object, not per byte. Every chunk gets its {@code cell_ids} and {@code morton}
 * (32 KiB each, computed by the writer); each of {@code count} (int32) and {@code h_min},
 * {@code h_max}, {@code h_variance} (float32) is offered for every chunk (16 KiB each) and holds
 * data in one chunk of four, as in that run: the other chunks are checked against their fill and
 * not stored. One operation = 16 shards = 256 chunks = 768 objects (20 MiB) into a store of its
 * own, fresh as a run's (created before and deleted after the operation, outside the clock),
 * under {@code java.io.tmpdir} (pass {@code -Djava.io.tmpdir=/dev/shm} for tmpfs). The field
 * bytes come from direct buffers, as the engine's encode scratch gives them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class ScalarWriteBenchmark {

    /** Objects one operation writes: 2 coordinates a chunk, 4 fields in one chunk of 4. */
    public static final int OBJECTS = 16 * 16 * 2 + 16 * 4 * 4;

    private static final long FIRST_SHARD = 15_259_420L;
    private static final int SHARDS = 16;
    private static final List<String> FLOATS = List.of("h_min", "h_max", "h_variance");

    private HealpixGeometry geometry;
    private StoreTemplate template;
    private Path dir;
    private StoreWriter writer;
    private ByteBuffer countData;
    private ByteBuffer countEmpty;
    private ByteBuffer floatData;
    private ByteBuffer floatEmpty;

    @Setup
    public void setUp() throws IOException {
        geometry = HealpixGeometry.of(11, 13, 19);
        template = StoreTemplate.of(geometry, Compressor.none(), List.of(
                FieldSpec.scalar("count", FillValue.zero(DType.INT32)),
                FieldSpec.scalar("h_min", FillValue.nan(DType.FLOAT32)),
                FieldSpec.scalar("h_max", FillValue.nan(DType.FLOAT32)),
                FieldSpec.scalar("h_variance", FillValue.nan(DType.FLOAT32))));
        int cells = geometry.cellsPerChunk();
        countData = direct(cells * 4);
        countEmpty = direct(cells * 4);
        floatData = direct(cells * 4);
        floatEmpty = direct(cells * 4);
        for (int i = 0; i < cells; i++) {
            // a third of a populated chunk's cells hold photons, as in the end-to-end run
            boolean populated = i % 3 == 0;
            countData.putInt(4 * i, populated ? 1 + i % 50 : 0);
            floatData.putFloat(4 * i, populated ? 100 + 0.25f * (i % 40) : Float.NaN);
            floatEmpty.putFloat(4 * i, Float.NaN);
        }
    }

    private static ByteBuffer direct(int bytes) {
        return ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Setup(Level.Invocation)
    public void freshStore() throws IOException {
        dir = Files.createTempDirectory("zagg-scalar-write-bench");
        writer = StoreWriter.create(DirectoryStore.open(store()), template, false);
    }

    /** The store of the current operation. */
    Path store() {
        return dir.resolve("out.zarr");
    }

    /** Writes 16 shards of 16 chunks: every chunk's coordinates, and the fields of every fourth chunk. */
    @Benchmark
    public long writeShards() throws IOException {
        long objects = 0;
        for (int s = 0; s < SHARDS; s++) {
            long shard = FIRST_SHARD + s;
            try (ShardWriter w = writer.shard(shard)) {
                for (int c = 0; c < geometry.chunksPerShard(); c++) {
                    long chunk = geometry.firstChunk(shard) + c;
                    boolean populated = c % 4 == 0;
                    w.writeChunk("count", chunk, populated ? countData : countEmpty);
                    for (String name : FLOATS) {
                        w.writeChunk(name, chunk, populated ? floatData : floatEmpty);
                    }
                    w.writeCoordinates(chunk);
                }
                w.commit();
                objects += w.objectsWritten();
            }
        }
        return objects;
    }

    @TearDown(Level.Invocation)
    public void deleteStore() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
