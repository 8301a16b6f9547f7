package io.zagg.exec;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Aggregation;
import io.zagg.Carriers;
import io.zagg.Layouts;
import io.zagg.examples.Fixtures;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.grid.Healpix;
import io.zagg.grid.HealpixGrid;
import io.zagg.grid.MortonWord;
import io.zagg.read.BeamRead;
import io.zagg.read.GranuleReader;
import io.zagg.read.ReadOptions;
import io.zagg.read.ShardSelector;
import io.zagg.read.TestGranules;
import io.zagg.spi.Column;
import io.zagg.store.Compressor;
import io.zagg.store.DirectoryStore;
import io.zagg.store.FieldSpec;
import io.zagg.store.HealpixGeometry;
import io.zagg.store.RunRecord;
import io.zagg.store.StoreTemplate;
import io.zagg.store.StoreWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a shard hands its carrier: each row's cell key from the shard test (never hashed twice)
 * and only the coordinates a field reads; rows keyed by the read and rows keyed afterwards from
 * their coordinates write the same store.
 */
class ShardInputTest {

    private static final HealpixGrid GRID = HealpixGrid.of(11, 13, 19);
    private static final int KEY_BYTES = 4; // cells per shard 4^8: int32 keys

    @TempDir
    Path tmp;

    private Path granule;

    @BeforeEach
    void copyGranule() throws IOException {
        granule = Fixtures.copy("atl03_small.h5", Files.createDirectory(tmp.resolve("granules")));
    }

    /** The shard of the fixture holding the most photons, as a morton word. */
    private long busiestShard() {
        Map<Long, Integer> photons = new TreeMap<>();
        for (BeamRead b : new GranuleReader(Layouts.atl03(), ReadOptions.defaults()).read(granule, TestGranules.everywhere()).beams()) {
            Column lat = b.columns().get("latitude");
            Column lon = b.columns().get("longitude");
            for (int r = 0; r < b.rows(); r++) {
                photons.merge(Healpix.nested(GRID.shardOrder(), lat.getDouble(r), lon.getDouble(r)), 1, Integer::sum);
            }
        }
        long shard = photons.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        return MortonWord.fromNested(shard, GRID.shardOrder());
    }

    private static StoreWriter store(Path root, List<Aggregation> fields) throws IOException {
        List<FieldSpec> specs = fields.stream().map(Runner::storeField).toList();
        return StoreWriter.create(DirectoryStore.open(root), StoreTemplate.of(HealpixGeometry.of(GRID, true), Compressor.none(), specs),
                false);
    }

    private static ShardTask task(List<Aggregation> fields, String carrier) {
        return new ShardTask(new GranuleReader(Layouts.atl03(), ReadOptions.defaults()), GRID, fields, List.of(), Carriers.named(carrier));
    }

    @Test
    void onlyTheKeysAndTheCoordinatesAFieldReadsEnterTheCarrier() throws IOException {
        long shard = busiestShard();
        int heightBytes = 4; // h_ph is float32
        Map<List<Aggregation>, Integer> bytesPerRow = Map.of(
                List.of(count(), max("h_ph")), heightBytes + KEY_BYTES,
                List.of(count(), max("h_ph"), mean("latitude")), heightBytes + KEY_BYTES + 8,
                List.of(max("longitude"), mean("latitude")), heightBytes + KEY_BYTES + 16);
        for (String carrier : Carriers.names()) {
            int n = 0;
            for (Map.Entry<List<Aggregation>, Integer> e : bytesPerRow.entrySet()) {
                StoreWriter writer = store(tmp.resolve(carrier + n++), e.getKey());
                ShardReport report = task(e.getKey(), carrier).run(shard, List.of(granule), writer, 64L << 20);
                assertEquals(ShardStatus.OK, report.status(), carrier + ": " + report.error().orElse(""));
                assertTrue(report.totalObs() > 1000, "the busiest shard holds photons: " + report.totalObs());
                assertEquals(report.totalObs() * e.getValue(), report.decodedInputBytes(),
                        carrier + ", fields " + e.getKey().stream().map(Aggregation::name).toList());
            }
        }
    }

    @Test
    void rowsKeyedByTheReadAndRowsKeyedFromTheirCoordinatesWriteTheSameStore() throws IOException {
        long shardWord = busiestShard();
        List<Aggregation> fields = List.of(count(), max("h_ph"), mean("h_ph"), mean("latitude"));
        for (String carrier : Carriers.names()) {
            StoreWriter keyed = store(tmp.resolve(carrier + "-keyed"), fields);
            ShardReport read = task(fields, carrier).run(shardWord, List.of(granule), keyed, 64L << 20);
            keyed.finish(RunRecord.of(1, 0, List.of()));

            // the same rows through a shard test that keys nothing: ShardTask hashes them itself
            HealpixSelector healpix = new HealpixSelector(GRID, MortonWord.toNested(shardWord), new ShardIndexCache(GRID.shardOrder()));
            ShardSelector unkeyed = healpix::select;
            List<ShardTask.BeamInput> beams = new ArrayList<>();
            for (BeamRead b : new GranuleReader(Layouts.atl03(), ReadOptions.defaults()).read(granule, unkeyed).beams()) {
                if (b.status() == BeamRead.Status.READ) {
                    assertFalse(b.keys().isPresent());
                    beams.add(new ShardTask.BeamInput(granule.getFileName().toString(), b.beam(), b.columns(), b.sources()));
                }
            }
            StoreWriter hashed = store(tmp.resolve(carrier + "-hashed"), fields);
            ShardReport decoded = task(fields, carrier).runDecoded(shardWord, beams, hashed, 64L << 20);
            hashed.finish(RunRecord.of(1, 0, List.of()));

            assertEquals(ShardStatus.OK, read.status(), read.error().orElse(""));
            assertEquals(ShardStatus.OK, decoded.status(), decoded.error().orElse(""));
            assertEquals(read.totalObs(), decoded.totalObs());
            assertEquals(read.cellsWithData(), decoded.cellsWithData());
            Map<String, byte[]> a = StoreByteIdentityTest.objects(tmp.resolve(carrier + "-keyed"));
            Map<String, byte[]> b = StoreByteIdentityTest.objects(tmp.resolve(carrier + "-hashed"));
            assertEquals(a.keySet(), b.keySet(), carrier);
            assertTrue(a.keySet().stream().anyMatch(k -> k.contains("latitude_mean/c/")), "chunks were written: " + a.keySet());
            for (String key : a.keySet()) {
                assertArrayEquals(a.get(key), b.get(key), carrier + ": " + key);
            }
        }
    }
}
