package io.zagg.exec;

import static io.zagg.Aggregations.chunkValue;
import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.histogram;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.median;
import static io.zagg.Aggregations.reduce;
import static io.zagg.Aggregations.tdigest;
import static io.zagg.Aggregations.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.zagg.Aggregation;
import io.zagg.Carriers;
import io.zagg.Layouts;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.grid.Healpix;
import io.zagg.grid.HealpixGrid;
import io.zagg.grid.MortonWord;
import io.zagg.read.GranuleReader;
import io.zagg.read.ReadOptions;
import io.zagg.reduce.ChunkStage;
import io.zagg.reduce.ScalarChunkStage;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.store.Compressor;
import io.zagg.store.DirectoryStore;
import io.zagg.store.FieldSpec;
import io.zagg.store.HealpixGeometry;
import io.zagg.store.RunRecord;
import io.zagg.store.StoreTemplate;
import io.zagg.store.StoreWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every discovered carrier writes the same store, object for object and byte for byte, for
 * random shards: several beams, many or few cells, empty cells, NaN heights, single-row cells,
 * scalar, vector (histogram), ragged (t-digest) and per-chunk fields, a chunk value, one or several
 * inner chunks, sharded and unsharded arrays, with and without compression.
 */
class StoreByteIdentityTest {

    private static final double CENTER_LAT = 10.3;
    private static final double CENTER_LON = 20.3;
    private static final int SHARD_ORDER = 6;

    @TempDir
    Path tmp;

    /** A random shard: its beams' rows and how the store is laid out. */
    private record Case(long seed, int beams, int maxRows, int chunkOrder, boolean sharded, boolean zstd, int spreadCells) {
        @Override
        public String toString() {
            return "shard case seed " + seed + ": " + beams + " beams of up to " + maxRows + " rows over " + spreadCells
                    + " cell(s), chunk order " + chunkOrder + (sharded ? ", sharded" : "") + (zstd ? ", zstd" : "")
                    + ", rows " + describe(rows(this));
        }
    }

    private static List<ShardTask.BeamInput> rows(Case c) {
        SplittableRandom random = new SplittableRandom(c.seed());
        long shard = Healpix.nested(SHARD_ORDER, CENTER_LAT, CENTER_LON);
        double spread = 0.002 * c.spreadCells();
        List<ShardTask.BeamInput> beams = new ArrayList<>();
        for (int b = 0; b < c.beams(); b++) {
            int n = random.nextInt(c.maxRows() + 1);
            double[] lat = new double[n];
            double[] lon = new double[n];
            float[] h = new float[n];
            int kept = 0;
            while (kept < n) {
                double la = CENTER_LAT + random.nextDouble(-spread, spread);
                double lo = CENTER_LON + random.nextDouble(-spread, spread);
                if (Healpix.nested(SHARD_ORDER, la, lo) != shard) {
                    continue;
                }
                lat[kept] = la;
                lon[kept] = lo;
                h[kept] = random.nextInt(10) == 0 ? Float.NaN : (float) random.nextDouble(-12, 12);
                kept++;
            }
            Map<String, Column> columns = new LinkedHashMap<>();
            columns.put("h", Columns.wrap(h, DType.FLOAT32, 1));
            columns.put("latitude", Columns.wrap(lat, DType.FLOAT64, 1));
            columns.put("longitude", Columns.wrap(lon, DType.FLOAT64, 1));
            if (n > 0) {
                beams.add(new ShardTask.BeamInput("g" + b + ".h5", "gt1l", columns, Map.of()));
            }
        }
        return beams;
    }

    private static String describe(List<ShardTask.BeamInput> beams) {
        StringBuilder b = new StringBuilder();
        for (ShardTask.BeamInput beam : beams) {
            Column h = beam.columns().get("h");
            float[] values = new float[(int) h.rows()];
            for (int i = 0; i < values.length; i++) {
                values[i] = h.getFloat(i);
            }
            b.append(beam.granule()).append(" h=").append(Arrays.toString(values)).append("; ");
        }
        return b.toString();
    }

    /** The chunk's highest height (NaN-skipping), a chunk value the companion and the reducer below read. */
    private static final List<ChunkStage> STAGES = List.of(new ScalarChunkStage("chunk_top", "h", h -> {
        double top = Double.NaN;
        for (long i = 0; i < h.rows(); i++) {
            top = Double.isNaN(top) || h.getDouble(i) > top ? h.getDouble(i) : top;
        }
        return top;
    }, DType.FLOAT32));

    private static final List<Aggregation> FIELDS = List.of(count(), max("h"), mean("h"), var("h"), median("h"),
            histogram("h", 8, -10, 10), tdigest("h", 16), chunkValue("chunk_top").as("top_h").perChunk(),
            reduce("below_top", List.of("h"), (cell, out) -> out.set(cell.chunkValue("chunk_top") - cell.column(0).getDouble(0))));

    private Map<String, byte[]> write(String carrier, Case c, Path root) {
        HealpixGrid grid = HealpixGrid.of(SHARD_ORDER, c.chunkOrder(), 10);
        List<FieldSpec> fields = FIELDS.stream().map(Runner::storeField).toList();
        StoreTemplate template = StoreTemplate.of(HealpixGeometry.of(grid, c.sharded()),
                c.zstd() ? Compressor.zstd(3) : Compressor.none(), fields);
        try {
            StoreWriter writer = StoreWriter.create(DirectoryStore.open(root), template, false);
            ShardTask task = new ShardTask(new GranuleReader(Layouts.atl03(), ReadOptions.defaults()), grid, FIELDS, STAGES,
                    Carriers.named(carrier));
            long shardWord = MortonWord.fromNested(Healpix.nested(SHARD_ORDER, CENTER_LAT, CENTER_LON), SHARD_ORDER);
            ShardReport report = task.runDecoded(shardWord, rows(c), writer, 64L << 20);
            assertTrue(report.status() != ShardStatus.FAILED, carrier + ": " + report.error().orElse("") + " for " + c);
            writer.finish(RunRecord.of(report.status() == ShardStatus.OK ? 1 : 0, report.status() == ShardStatus.EMPTY ? 1 : 0,
                    List.of()));
            return objects(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void everyCarrierWritesIdenticalStores() {
        List<String> carriers = Carriers.names();
        assertTrue(carriers.containsAll(List.of("plain", "arrow", "chunked")), "discovered: " + carriers);
        int[] run = {0};
        int[] withChunks = {0};
        qt().withExamples(40).withShrinkCycles(20)
                .forAll(longs().all(), integers().between(1, 4), integers().between(0, 40), integers().between(1, 60))
                .as((seed, beams, rows, spread) -> {
                    int chunk = SHARD_ORDER + (int) Long.remainderUnsigned(seed >>> 2, 3); // the seed's low bits pick the layout
                    return new Case(seed, beams, rows, chunk, (seed & 1) != 0 && chunk > SHARD_ORDER, (seed & 2) != 0, spread);
                })
                .checkAssert(c -> {
                    int n = run[0]++;
                    Map<String, byte[]> reference = write("plain", c, tmp.resolve(n + "-plain"));
                    if (reference.keySet().stream().anyMatch(k -> k.contains("h_histogram/c/"))) {
                        withChunks[0]++;
                    }
                    for (String carrier : carriers) {
                        Map<String, byte[]> other = write(carrier, c, tmp.resolve(n + "-" + carrier));
                        assertEquals(reference.keySet(), other.keySet(), carrier + " writes other objects than plain for " + c);
                        for (Map.Entry<String, byte[]> o : reference.entrySet()) {
                            assertTrue(Arrays.equals(o.getValue(), other.get(o.getKey())),
                                    carrier + " differs from plain in " + o.getKey() + " for " + c);
                        }
                    }
                });
        assertTrue(withChunks[0] > 10, "most random shards write data chunks: " + withChunks[0] + " of " + run[0]);
    }

    /** The objects of the store at {@code root} by key (none when it was never created). */
    static Map<String, byte[]> objects(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
