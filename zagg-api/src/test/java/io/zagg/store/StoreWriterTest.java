package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zagg.grid.MortonWord;
import io.zagg.spi.DType;
import io.zagg.test.LittleEndian;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreWriterTest {

    @TempDir
    Path dir;

    /** Every file under the store, relative, sorted. */
    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void workedExampleWritesExactlyItsObjects() throws IOException {
        // zagg §5.7: shard 15259420 (order 11) owns chunks 244150720..244150735 (order 13); the
        // SERC point's cell 1000041383001 (order 19) is cell 1113 of chunk 244150728
        StoreTemplate template = StoreTemplateTest.gainBias(false, Compressor.none());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), template, false);
        long chunk = 244_150_728L;
        long[] cellIds = new long[4096];
        long[] morton = new long[4096];
        for (int i = 0; i < 4096; i++) {
            cellIds[i] = chunk * 4096 + i;
            morton[i] = 0x4A35C72000000013L | ((long) i << 12);
        }
        assertEquals(1_000_041_381_888L, cellIds[0]);
        assertEquals(1_000_041_383_001L, cellIds[1113]);
        int[] waveform = new int[4096 * 128];
        waveform[1113 * 128 + 5] = 3;
        float[] hMean = new float[4096];
        Arrays.fill(hMean, Float.NaN);
        try (ShardWriter shard = writer.shard(15_259_420L)) {
            shard.writeChunk("cell_ids", chunk, LittleEndian.longs(cellIds));
            shard.writeChunk("morton", chunk, LittleEndian.longs(morton));
            shard.writeChunk("waveform_counts", chunk, LittleEndian.ints(waveform));
            shard.writeChunk("offset_h", chunk, LittleEndian.floats(0.5f));
            shard.writeChunk("gain_h", chunk, LittleEndian.floats(1.25f));
            shard.writeChunk("h_mean", chunk, LittleEndian.floats(hMean));
            shard.writeCsr("h_tdigest", chunk, CsrBlock.of(DType.FLOAT32, new int[] {2}, LittleEndian.floats(12.5f, 1f), new long[] {0, 1}, new long[] {1113}));
            shard.commit();
            assertEquals(5 + 7, shard.objectsWritten());
        }
        List<String> chunkObjects = new ArrayList<>(files(dir));
        chunkObjects.removeIf(f -> f.endsWith("zarr.json") && !f.startsWith("19/h_tdigest/244150728"));
        assertEquals(List.of(
                "19/cell_ids/c/244150728",
                "19/gain_h/c/244150728",
                "19/h_tdigest/244150728/cell_ids/c/0",
                "19/h_tdigest/244150728/cell_ids/zarr.json",
                "19/h_tdigest/244150728/offsets/c/0",
                "19/h_tdigest/244150728/offsets/zarr.json",
                "19/h_tdigest/244150728/values/c/0/0",
                "19/h_tdigest/244150728/values/zarr.json",
                "19/h_tdigest/244150728/zarr.json",
                "19/morton/c/244150728",
                "19/offset_h/c/244150728",
                "19/waveform_counts/c/244150728/0"), chunkObjects, "h_mean is NaN everywhere: not stored");
        assertEquals(4096 * 128 * 4, Files.size(dir.resolve("19/waveform_counts/c/244150728/0")));
        StoreReader reader = StoreReader.open(DirectoryStore.open(dir));
        assertArrayEquals(new long[] {1113}, reader.readCsr("19/h_tdigest/244150728").cellIds());
        assertArrayEquals(cellIds, LittleEndian.toLongs(reader.readRegion("19/cell_ids", chunk * 4096, chunk * 4096 + 4096)));
        assertEquals(3, LittleEndian.toInts(reader.readRegion("19/waveform_counts", 1_000_041_383_001L, 1_000_041_383_002L))[5]);
        assertArrayEquals(new float[] {0.5f}, LittleEndian.toFloats(reader.readRegion("19/offset_h", chunk, chunk + 1)));
    }

    @Test
    void shardedWorkedExampleWritesOneObjectPerArray() throws IOException {
        StoreTemplate template = StoreTemplateTest.gainBias(true, Compressor.none());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), template, false);
        long first = 244_150_720L;
        try (ShardWriter shard = writer.shard(15_259_420L)) {
            for (long chunk = first; chunk < first + 16; chunk += 8) {
                long[] ids = new long[4096];
                for (int i = 0; i < 4096; i++) {
                    ids[i] = chunk * 4096 + i;
                }
                shard.writeChunk("cell_ids", chunk, LittleEndian.longs(ids));
                shard.writeChunk("morton", chunk, LittleEndian.longs(ids));
                float[] h = new float[4096];
                Arrays.fill(h, chunk == first ? Float.NaN : 7f);
                shard.writeChunk("h_mean", chunk, LittleEndian.floats(h));
            }
            shard.commit();
        }
        List<String> objects = new ArrayList<>(files(dir));
        objects.removeIf(f -> f.endsWith("zarr.json"));
        assertEquals(List.of("19/cell_ids/c/15259420", "19/h_mean/c/15259420", "19/morton/c/15259420"), objects);
        // h_mean: one inner chunk of 4096 float32 stored, 15 absent; index of 16 entries + crc32c
        assertEquals(4096 * 4 + 16 * 16 + 4, Files.size(dir.resolve("19/h_mean/c/15259420")));
        StoreReader reader = StoreReader.open(DirectoryStore.open(dir));
        float[] shardValues = LittleEndian.toFloats(reader.readChunk("19/h_mean", 15_259_420L));
        assertEquals(65536, shardValues.length);
        assertTrue(Float.isNaN(shardValues[0]) && Float.isNaN(shardValues[4095 + 4096 * 7]));
        assertEquals(7f, shardValues[8 * 4096]);
    }

    @Test
    void readerReturnsWhatEveryLayoutWrote() throws IOException {
        for (boolean sharded : new boolean[] {false, true}) {
            for (Compressor compressor : List.of(Compressor.none(), Compressor.zstd(5), Compressor.gzip(6))) {
                Path root = dir.resolve(sharded + "-" + compressor.toString().replace(':', '-'));
                SampleRun run = new SampleRun(sharded, compressor);
                StoreWriter writer = StoreWriter.create(DirectoryStore.open(root), run.template, false);
                run.writeShard(writer);
                writer.finish(RunRecord.of(1, 2, List.of(41L)));
                StoreReader reader = StoreReader.open(DirectoryStore.open(root));
                long from = SampleRun.FIRST_CELL;
                long to = from + 64;
                String what = "sharded=" + sharded + " " + compressor;
                assertArrayEquals(ZarritaInteropTest.floatBits(run.hMean), ZarritaInteropTest.floatBits(LittleEndian.toFloats(reader.readRegion("4/h_mean", from, to))), what);
                assertArrayEquals(run.count, LittleEndian.toInts(reader.readRegion("4/count", from, to)), what);
                assertArrayEquals(run.hist, LittleEndian.toInts(reader.readRegion("4/hist", from, to)), what);
                assertArrayEquals(ZarritaInteropTest.doubleBits(run.extent), ZarritaInteropTest.doubleBits(LittleEndian.toDoubles(reader.readRegion("4/extent", from, to))), what);
                assertArrayEquals(run.cellIds, LittleEndian.toLongs(reader.readRegion("4/cell_ids", from, to)), what);
                assertArrayEquals(run.morton, LittleEndian.toLongs(reader.readRegion("4/morton", from, to)), what);
                assertArrayEquals(ZarritaInteropTest.floatBits(run.offsetH), ZarritaInteropTest.floatBits(LittleEndian.toFloats(reader.readRegion("4/offset_h", 160, 164))), what);
                for (int c = 0; c < SampleRun.CHUNKS; c++) {
                    CsrBlock got = reader.readCsr("4/h_tdigest/" + (160 + c));
                    assertEquals(run.digests[c].values(), got.values(), what);
                    assertArrayEquals(run.digests[c].offsets(), got.offsets(), what);
                    assertArrayEquals(run.digests[c].cellIds(), got.cellIds(), what);
                    assertArrayEquals(new int[] {2}, got.innerShape());
                }
                assertEquals(RunRecord.of(1, 2, List.of(41L)), reader.runRecord().orElseThrow());
                assertEquals(List.of("4", "4/h_tdigest", "4/h_tdigest/160", "4/h_tdigest/161", "4/h_tdigest/162", "4/h_tdigest/163"), reader.groups());
                assertTrue(reader.arrays().containsAll(List.of("4/cell_ids", "4/morton", "4/h_mean", "4/offset_h", "4/h_tdigest/162/values")));
                assertEquals(4, reader.attributes("4").path("dggs").path("refinement_level").asInt());
                assertEquals(sharded, reader.array("4/h_mean").isSharded());
            }
        }
    }

    @Test
    void fillChunksAreNotStoredButCoordinatesAlwaysAre() throws IOException {
        SampleRun run = new SampleRun(false, Compressor.none());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        run.writeShard(writer);
        assertTrue(Files.exists(dir.resolve("4/h_mean/c/160")));
        assertFalse(Files.exists(dir.resolve("4/h_mean/c/161")), "all NaN: not stored");
        assertFalse(Files.exists(dir.resolve("4/count/c/161")), "all 0: not stored");
        assertFalse(Files.exists(dir.resolve("4/hist/c/161/0")));
        assertFalse(Files.exists(dir.resolve("4/offset_h/c/161")));
        assertTrue(Files.exists(dir.resolve("4/cell_ids/c/163")), "coordinates are stored for every chunk given");

        try (ShardWriter shard = writer.shard(0)) {
            shard.writeChunk("cell_ids", 0, LittleEndian.longs(new long[16]));
            shard.writeChunk("morton", 0, LittleEndian.longs(new long[16]));
            shard.commit();
        }
        assertTrue(Files.exists(dir.resolve("4/cell_ids/c/0")), "a coordinate chunk equal to the fill is still stored");
        assertTrue(Files.exists(dir.resolve("4/morton/c/0")));
    }

    @Test
    void writtenCoordinatesAreTheGridsForEveryLayout() throws IOException {
        for (boolean sharded : new boolean[] {false, true}) {
            for (Compressor compressor : List.of(Compressor.none(), Compressor.zstd(3))) {
                Path root = dir.resolve(sharded + "-" + compressor.toString().replace(':', '-'));
                StoreTemplate template = StoreTemplate.of(HealpixGeometry.of(11, 13, 19).sharded(sharded), compressor, List.of());
                StoreWriter writer = StoreWriter.create(DirectoryStore.open(root), template, false);
                // two shards one after the other: the second reuses the first's buffer
                for (long shard : new long[] {15_259_420L, 15_259_421L}) {
                    try (ShardWriter w = writer.shard(shard)) {
                        for (long chunk = shard * 16; chunk < shard * 16 + 16; chunk += 5) {
                            w.writeCoordinates(chunk);
                        }
                        w.commit();
                        assertEquals(sharded ? 2 : 8, w.objectsWritten());
                    }
                }
                StoreReader reader = StoreReader.open(DirectoryStore.open(root));
                String what = "sharded=" + sharded + " " + compressor;
                for (long chunk : new long[] {15_259_420L * 16, 15_259_420L * 16 + 15, 15_259_421L * 16 + 10}) {
                    long[] ids = new long[4096];
                    long[] words = new long[4096];
                    for (int i = 0; i < 4096; i++) {
                        ids[i] = chunk * 4096 + i;
                        words[i] = MortonWord.fromNested(ids[i], 19);
                    }
                    assertArrayEquals(ids, LittleEndian.toLongs(reader.readRegion("19/cell_ids", ids[0], ids[0] + 4096)), what);
                    assertArrayEquals(words, LittleEndian.toLongs(reader.readRegion("19/morton", ids[0], ids[0] + 4096)), what);
                }
            }
        }
    }

    @Test
    void coordinateWritesAreChecked() throws IOException {
        SampleRun run = new SampleRun(false, Compressor.none());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        ShardWriter shard = writer.shard(SampleRun.SHARD);
        assertEquals("chunk 159 is not in shard 40 (its chunks are 160..163)",
                assertThrows(IllegalArgumentException.class, () -> shard.writeCoordinates(159)).getMessage());
        shard.writeCoordinates(160);
        assertEquals("cell_ids chunk 160 was already written by shard 40",
                assertThrows(IllegalStateException.class, () -> shard.writeCoordinates(160)).getMessage());
        assertEquals("morton chunk 161 was already written by shard 40", assertThrows(IllegalStateException.class, () -> {
            shard.writeChunk("morton", 161, LittleEndian.longs(new long[16]));
            shard.writeCoordinates(161);
        }).getMessage());
        shard.close();
        assertEquals("shard 40 is already committed or closed", assertThrows(IllegalStateException.class, () -> shard.writeCoordinates(162)).getMessage());
        assertEquals(List.of("4/cell_ids/c/160", "4/cell_ids/c/161", "4/morton/c/160", "4/morton/c/161"),
                files(dir).stream().filter(f -> !f.endsWith("zarr.json")).toList(), "a writer closed without commit keeps what it wrote");
    }

    /** A store that counts the deletes of single objects it is asked for. */
    private static final class CountingDeletes implements Store {
        final Store inner;
        int deletes;

        CountingDeletes(Store inner) {
            this.inner = inner;
        }

        @Override
        public java.util.Optional<byte[]> get(String key) throws IOException {
            return inner.get(key);
        }

        @Override
        public void put(String key, java.nio.ByteBuffer value) throws IOException {
            inner.put(key, value);
        }

        @Override
        public boolean exists(String key) throws IOException {
            return inner.exists(key);
        }

        @Override
        public void delete(String key) throws IOException {
            deletes++;
            inner.delete(key);
        }

        @Override
        public void deleteAll(String prefix) throws IOException {
            inner.deleteAll(prefix);
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            return inner.list(prefix);
        }

        @Override
        public String location() {
            return inner.location();
        }
    }

    @Test
    void aStoreTheRunCreatedHasNothingToDeleteUntilAShardIsWrittenAgain() throws IOException {
        SampleRun run = new SampleRun(false, Compressor.none());
        CountingDeletes fresh = new CountingDeletes(DirectoryStore.open(dir));
        StoreWriter writer = StoreWriter.create(fresh, run.template, false);
        run.writeShard(writer);
        assertEquals(0, fresh.deletes, "fill chunks of a shard's first writer in a new store: no object to remove");
        assertTrue(Files.exists(dir.resolve("4/h_mean/c/160")));
        try (ShardWriter again = writer.shard(SampleRun.SHARD)) { // a retry of the shard in the same run
            float[] nan = new float[16];
            Arrays.fill(nan, Float.NaN);
            again.writeChunk("h_mean", 160, LittleEndian.floats(nan));
            again.commit();
        }
        assertEquals(1, fresh.deletes);
        assertFalse(Files.exists(dir.resolve("4/h_mean/c/160")), "the first attempt's object is removed");

        CountingDeletes kept = new CountingDeletes(DirectoryStore.open(dir));
        run.writeShard(StoreWriter.create(kept, run.template, false));
        assertTrue(kept.deletes > 0, "an existing store is rewritten in place: fill chunks remove what may be there");
        CountingDeletes overwritten = new CountingDeletes(DirectoryStore.open(dir));
        StoreWriter over = StoreWriter.create(overwritten, run.template, true);
        int beforeShards = overwritten.deletes; // the run record
        run.writeShard(over);
        assertEquals(beforeShards, overwritten.deletes, "overwrite empties the store first: the shard deletes nothing");
    }

    @Test
    void rewritingAChunkAsFillRemovesTheOldObject() throws IOException {
        SampleRun run = new SampleRun(false, Compressor.none());
        StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        run.writeShard(writer);
        assertTrue(Files.exists(dir.resolve("4/h_mean/c/160")));
        StoreWriter again = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        try (ShardWriter shard = again.shard(SampleRun.SHARD)) {
            float[] nan = new float[16];
            Arrays.fill(nan, Float.NaN);
            shard.writeChunk("h_mean", 160, LittleEndian.floats(nan));
            shard.commit();
        }
        assertFalse(Files.exists(dir.resolve("4/h_mean/c/160")));
    }

    @Test
    void shardWritesAreChecked() throws IOException {
        SampleRun run = new SampleRun(false, Compressor.none());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        try (ShardWriter shard = writer.shard(SampleRun.SHARD)) {
            assertEquals("shard 40 is already being written", assertThrows(IllegalStateException.class, () -> writer.shard(SampleRun.SHARD)).getMessage());
            assertEquals("chunk 164 is not in shard 40 (its chunks are 160..163)",
                    assertThrows(IllegalArgumentException.class, () -> shard.writeChunk("h_mean", 164, LittleEndian.floats(new float[16]))).getMessage());
            assertEquals("array 4/h_mean chunk 160: 60 bytes given, one chunk is 64",
                    assertThrows(IllegalArgumentException.class, () -> shard.writeChunk("h_mean", 160, LittleEndian.floats(new float[15]))).getMessage());
            assertEquals("array 'h_tdigest' is not in the template (7 arrays in group 4)",
                    assertThrows(IllegalArgumentException.class, () -> shard.writeChunk("h_tdigest", 160, LittleEndian.floats(new float[16]))).getMessage());
            shard.writeChunk("h_mean", 160, LittleEndian.floats(new float[16]));
            assertEquals("h_mean chunk 160 was already written by shard 40",
                    assertThrows(IllegalStateException.class, () -> shard.writeChunk("h_mean", 160, LittleEndian.floats(new float[16]))).getMessage());
            assertEquals("ragged field h_tdigest chunk 161: cell id 16 is outside the chunk's 0..15",
                    assertThrows(IllegalArgumentException.class, () -> shard.writeCsr("h_tdigest", 161,
                            CsrBlock.of(DType.FLOAT32, new int[] {2}, LittleEndian.floats(1f, 2f), new long[] {0, 1}, new long[] {16}))).getMessage());
            assertEquals("shard 40: chunk 160 has data but no cell_ids chunk; the coordinates are written for every chunk with data",
                    assertThrows(IllegalStateException.class, shard::commit).getMessage());
        }
        assertEquals("shard 48 is outside 0..47 at shard order 1", assertThrows(IllegalArgumentException.class, () -> writer.shard(48)).getMessage());
    }

    @Test
    void csrBlocksAreValidated() {
        assertEquals("CSR offsets run from 0 to 1; they must run from 0 to the 2 rows", assertThrows(IllegalArgumentException.class,
                () -> CsrBlock.of(DType.FLOAT32, new int[0], LittleEndian.floats(1f, 2f), new long[] {0, 1}, new long[] {3})).getMessage());
        assertEquals("CSR cell ids must be non-negative and ascending; entry 1 is 3", assertThrows(IllegalArgumentException.class,
                () -> CsrBlock.of(DType.FLOAT32, new int[0], LittleEndian.floats(1f, 2f), new long[] {0, 1, 2}, new long[] {3, 3})).getMessage());
        assertEquals("CSR values of 12 bytes are not whole rows of [2] float32", assertThrows(IllegalArgumentException.class,
                () -> CsrBlock.of(DType.FLOAT32, new int[] {2}, LittleEndian.floats(1f, 2f, 3f), new long[] {0}, new long[0])).getMessage());
        CsrBlock block = CsrBlock.of(DType.FLOAT32, new int[] {2}, LittleEndian.floats(1f, 2f, 3f, 4f, 5f, 6f), new long[] {0, 1, 3}, new long[] {2, 9});
        assertArrayEquals(new float[] {3f, 4f, 5f, 6f}, LittleEndian.toFloats(block.payload(1)));
    }

    @Test
    void sameTemplateKeepsTheStoreAndMarksItUnfinished() throws IOException {
        SampleRun run = new SampleRun(true, Compressor.none());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        run.writeShard(writer);
        writer.finish(RunRecord.of(1, 0, List.of()));
        assertTrue(Files.exists(dir.resolve(RunRecord.KEY)));
        StoreWriter.create(DirectoryStore.open(dir), new SampleRun(true, Compressor.none()).template, false);
        assertFalse(Files.exists(dir.resolve(RunRecord.KEY)), "a run in progress is not finished");
        assertTrue(Files.exists(dir.resolve("4/h_mean/c/40")), "shards of the earlier run stay");
        StoreWriter.attach(DirectoryStore.open(dir), run.template);
    }

    @Test
    void anotherTemplateIsRefusedNamingEveryDifference() throws IOException {
        StoreTemplate first = StoreTemplate.of(HealpixGeometry.of(1, 2, 4), Compressor.none(), List.of(
                FieldSpec.scalar("h_mean", FillValue.nan(DType.FLOAT32)), FieldSpec.scalar("count", FillValue.zero(DType.INT32))));
        StoreWriter.create(DirectoryStore.open(dir), first, false);
        StoreTemplate second = StoreTemplate.of(HealpixGeometry.of(1, 2, 4), Compressor.zstd(3), List.of(
                FieldSpec.scalar("h_mean", FillValue.nan(DType.FLOAT64)), FieldSpec.scalar("h_max", FillValue.nan(DType.FLOAT32))));
        StoreConflictException e = assertThrows(StoreConflictException.class, () -> StoreWriter.create(DirectoryStore.open(dir), second, false));
        String bytes = "{\"name\": \"bytes\", \"configuration\": {\"endian\": \"little\"}}";
        String codecs = "codecs was [" + bytes + "], now [" + bytes + ", {\"name\": \"zstd\", \"configuration\": {\"level\": 3, \"checksum\": false}}]";
        assertEquals(List.of(
                "array 4/cell_ids: " + codecs,
                "array 4/morton: " + codecs,
                "array 4/h_mean: data_type was \"float32\", now \"float64\"",
                "array 4/h_mean: " + codecs,
                "array 4/h_max: missing from the existing store",
                "array 4/count: in the existing store but not in this template"), e.differences());
        assertTrue(e.getMessage().startsWith("store " + dir + " holds a different layout than this run (overwrite replaces it):\n  array 4/cell_ids"));
        assertThrows(StoreConflictException.class, () -> StoreWriter.attach(DirectoryStore.open(dir), second));
        StoreConflictException order = assertThrows(StoreConflictException.class, () -> StoreWriter.create(DirectoryStore.open(dir),
                StoreTemplate.of(HealpixGeometry.of(1, 3, 4), Compressor.none(), first.fields()), false));
        assertTrue(order.differences().contains("array 4/h_mean: chunk_grid.configuration.chunk_shape was [16], now [4]"), order.differences().toString());
    }

    @Test
    void overwriteReplacesTheOldContent() throws IOException {
        SampleRun run = new SampleRun(false, Compressor.none());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        run.writeShard(writer);
        writer.finish(RunRecord.of(1, 0, List.of()));
        StoreTemplate other = StoreTemplate.of(HealpixGeometry.of(1, 2, 5), Compressor.none(), List.of(FieldSpec.scalar("n", FillValue.zero(DType.INT64))));
        StoreWriter.create(DirectoryStore.open(dir), other, true);
        assertEquals(List.of("5/cell_ids/zarr.json", "5/morton/zarr.json", "5/n/zarr.json", "5/zarr.json", "zarr.json"), files(dir));
    }

    @Test
    void somethingElseIsNeverWrittenInto() throws IOException {
        Files.write(dir.resolve("notes.txt"), new byte[] {1});
        for (boolean overwrite : new boolean[] {false, true}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> StoreWriter.create(DirectoryStore.open(dir), new SampleRun(false, Compressor.none()).template, overwrite));
            assertEquals("store " + dir + " holds [notes.txt] but no zarr.json: it is not a Zarr store, and nothing is written into it", e.getMessage());
        }
        assertEquals(List.of("notes.txt"), files(dir));
        assertEquals("store " + dir.resolve("none") + " has no template yet; create it before attaching workers", assertThrows(IllegalStateException.class,
                () -> StoreWriter.attach(DirectoryStore.open(dir.resolve("none")), new SampleRun(false, Compressor.none()).template)).getMessage());
    }

    @Test
    void finishConsolidatesTheMetadataAsZarrPythonDoes() throws IOException {
        SampleRun run = new SampleRun(false, Compressor.none());
        StoreWriter writer = StoreWriter.create(DirectoryStore.open(dir), run.template, false);
        ShardWriter open = writer.shard(3);
        assertEquals("1 shard writers are still open: [3]", assertThrows(IllegalStateException.class, () -> writer.finish(RunRecord.of(0, 0, List.of()))).getMessage());
        open.close();
        run.writeShard(writer);
        writer.finish(RunRecord.of(1, 47, List.of()));
        ObjectNode root = JsonText.parseObject(Files.readAllBytes(dir.resolve("zarr.json")), "zarr.json");
        assertEquals(List.of("attributes", "zarr_format", "consolidated_metadata", "node_type"), fieldNames(root));
        JsonNode consolidated = root.get("consolidated_metadata");
        assertEquals("inline", consolidated.get("kind").asText());
        assertFalse(consolidated.get("must_understand").asBoolean(true));
        List<String> keys = fieldNames(consolidated.get("metadata"));
        assertEquals(List.of("4", "4/cell_ids", "4/count", "4/extent", "4/h_mean", "4/h_tdigest", "4/hist", "4/morton", "4/offset_h",
                "4/h_tdigest/160", "4/h_tdigest/161", "4/h_tdigest/162", "4/h_tdigest/163"), keys.subList(0, 13));
        assertEquals(13 + 12, keys.size());
        JsonNode group = consolidated.get("metadata").get("4");
        assertEquals(List.of("attributes", "zarr_format", "consolidated_metadata", "node_type"), fieldNames(group));
        assertEquals("{\"kind\":\"inline\",\"must_understand\":false,\"metadata\":{}}", group.get("consolidated_metadata").toString());
        assertEquals(run.template.member("h_mean").spec.metadataJson(), JsonText.write(consolidated.get("metadata").get("4/h_mean")));
        assertEquals("{\n  \"zagg_run_record\": 1,\n  \"group\": \"4\",\n  \"shards_with_data\": 1,\n  \"shards_empty\": 47,\n  \"failed_shards\": []\n}",
                Files.readString(dir.resolve(RunRecord.KEY)));
        assertThrows(IllegalStateException.class, () -> writer.finish(RunRecord.of(1, 47, List.of())));
        assertEquals("the run on " + dir + " is finished; no more shards can be written", assertThrows(IllegalStateException.class, () -> writer.shard(1)).getMessage());
    }

    @Test
    void identicalRunsWriteIdenticalBytes() throws IOException {
        Map<String, byte[]> first = null;
        for (int round = 0; round < 2; round++) {
            Path root = dir.resolve("run" + round);
            SampleRun run = new SampleRun(true, Compressor.zstd(3));
            StoreWriter writer = StoreWriter.create(DirectoryStore.open(root), run.template, false);
            run.writeShard(writer);
            writer.finish(RunRecord.of(1, 0, List.of()));
            Map<String, byte[]> contents = new TreeMap<>();
            for (String f : files(root)) {
                contents.put(f, Files.readAllBytes(root.resolve(f)));
            }
            if (first == null) {
                first = contents;
            } else {
                assertEquals(first.keySet(), contents.keySet());
                for (String f : first.keySet()) {
                    assertArrayEquals(first.get(f), contents.get(f), f);
                }
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
