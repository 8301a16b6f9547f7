package io.zagg.examples;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.max;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Aggregations;
import io.zagg.Granules;
import io.zagg.Grids;
import io.zagg.Layout;
import io.zagg.Layouts;
import io.zagg.Pipeline;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import io.zagg.ShardStatus;
import io.zagg.Waveform;
import io.zagg.Zagg;
import io.zagg.grid.MortonWord;
import io.zagg.spi.Reducer;
import io.zagg.store.CsrBlock;
import io.zagg.store.DirectoryStore;
import io.zagg.store.StoreReader;
import io.zagg.test.Atl03Photons;
import io.zagg.test.Atl03Photons.Photon;
import io.zagg.test.GainBiasFormulas;
import io.zagg.test.Resources;
import io.zagg.test.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zagg's gain/bias waveform end to end on a generated ATL03-shaped granule: the YAML config
 * (ours, and zagg's shipped one when {@code ../shared} is there) and the DSL, against chunk
 * gains, offsets and waveforms computed here from photons read with jhdf; the same bytes from
 * every carrier and from both routes.
 */
class GainBiasEndToEndTest {

    private static final int CELLS_PER_CHUNK = 1 << 12; // order 19 cells in an order 13 chunk
    private static final String CONFIG = "configs/atl03_gain_bias_o11.yaml";

    @TempDir
    Path tmp;

    /** The config's run in the DSL: ATL03 with dem_h broadcast from the segments, the waveform's three fields. */
    private Pipeline dsl(Waveform w) {
        Layout atl03 = Layouts.atl03();
        Layout layout = atl03.toBuilder()
                .level(Layout.Level.linked("segments", "/{group}/geolocation", atl03.levels().get("segments").link().orElseThrow())
                        .coordinates("reference_photon_lat", "reference_photon_lon").variable("dem_h", "/{group}/geophys_corr/dem_h"))
                .build();
        return Zagg.read(Granules.of(Resources.copy("granules/atl03_small.h5", tmp))).layout(layout)
                .grid(Grids.healpix(11).chunks(13).cells(19)).aggregate(w.counts(), w.offset(), w.gain()).exactRead().workers(2);
    }

    private static float companion(StoreReader store, String array, long chunk) throws IOException {
        return store.readRegion("19/" + array, chunk, chunk + 1).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    }

    private static long[] waveform(StoreReader store, long cell) throws IOException {
        ByteBuffer b = store.readRegion("19/waveform_counts", cell, cell + 1).order(ByteOrder.LITTLE_ENDIAN);
        long[] w = new long[GainBiasFormulas.BINS];
        for (int i = 0; i < w.length; i++) {
            w[i] = Integer.toUnsignedLong(b.getInt());
        }
        return w;
    }

    @Test
    void theConfigWritesTheGainOffsetAndWaveformOfEveryChunk() throws IOException {
        Path out = tmp.resolve("config.zarr");
        RunReport report = Runs.config(CONFIG, tmp).write(out);
        assertTrue(report.succeeded(), report.toJson());

        Map<Long, List<Photon>> byChunk = new TreeMap<>();
        for (Photon p : Atl03Photons.read(Resources.copy("granules/atl03_small.h5", tmp))) {
            byChunk.computeIfAbsent(p.cell() / CELLS_PER_CHUNK, k -> new ArrayList<>()).add(p);
        }
        StoreReader store = StoreReader.open(DirectoryStore.open(out));
        int checkedCells = 0;
        for (Map.Entry<Long, List<Photon>> e : byChunk.entrySet()) {
            long chunk = e.getKey();
            List<Photon> photons = e.getValue();
            float[] h = new float[photons.size()];
            float[] dem = new float[photons.size()];
            for (int i = 0; i < h.length; i++) {
                h[i] = photons.get(i).h();
                dem[i] = photons.get(i).dem();
            }
            float gain = GainBiasFormulas.gain(h);
            float offset = GainBiasFormulas.offset(dem);
            assertEquals(gain, companion(store, "gain_h", chunk), "gain of chunk " + chunk);
            assertEquals(offset, companion(store, "offset_h", chunk), "offset of chunk " + chunk);
            Map<Long, List<Float>> byCell = new TreeMap<>();
            photons.forEach(p -> byCell.computeIfAbsent(p.cell(), k -> new ArrayList<>()).add(p.h()));
            for (Map.Entry<Long, List<Float>> c : byCell.entrySet()) {
                float[] cellH = new float[c.getValue().size()];
                for (int i = 0; i < cellH.length; i++) {
                    cellH[i] = c.getValue().get(i);
                }
                assertArrayEquals(GainBiasFormulas.waveform(cellH, 0, cellH.length, gain, offset), waveform(store, c.getKey()),
                        "waveform of cell " + c.getKey());
                checkedCells++;
            }
            long empty = chunk * CELLS_PER_CHUNK;
            while (byCell.containsKey(empty)) {
                empty++;
            }
            assertArrayEquals(new long[GainBiasFormulas.BINS], waveform(store, empty), "empty cell " + empty + " keeps the fill");
        }
        assertEquals(report.cellsWithData(), checkedCells);

        // an inner chunk without photons in a written shard: no companion object, the NaN fill
        long processed = 0;
        for (ShardReport s : report.shards()) {
            long first = MortonWord.toNested(s.shardKey()) * 16;
            for (long chunk = first; chunk < first + 16; chunk++) {
                processed++;
                if (!byChunk.containsKey(chunk)) {
                    assertTrue(Float.isNaN(companion(store, "gain_h", chunk)), "chunk " + chunk + " has no photons");
                    assertFalse(Files.exists(out.resolve("19/gain_h/c/" + chunk)));
                }
            }
        }
        assertTrue(processed > byChunk.size(), "some processed chunks are empty: " + byChunk.size() + " of " + processed);
    }

    @Test
    void theDslWaveformWritesTheConfigsStore() throws IOException {
        Map<String, byte[]> fromConfig = StoreObjects.of(Runs.writeOk(Runs.config(CONFIG, tmp), tmp, "config.zarr"));
        Map<String, byte[]> fromDsl = StoreObjects.of(Runs.writeOk(dsl(Aggregations.waveform("h_ph", "dem_h", 128)), tmp, "dsl.zarr"));
        StoreObjects.assertSame("config", fromConfig, "dsl", fromDsl);
    }

    @Test
    void everyCarrierWritesTheSameBytes() throws IOException {
        Map<String, byte[]> objects = Runs.sameOnEveryCarrier(Runs.config(CONFIG, tmp), tmp);
        assertTrue(objects.keySet().stream().anyMatch(k -> k.startsWith("19/gain_h/c/")), "the stores hold companions");
    }

    @Test
    void zaggsShippedConfigRunsUnchangedAndWritesTheSameStore() throws IOException {
        Path shipped = SharedData.require("data/zagg-configs/atl03_gain_bias_healpix.yaml");
        StoreObjects.assertSame("ours", StoreObjects.of(Runs.writeOk(Runs.config(CONFIG, tmp), tmp, "ours.zarr")),
                "zagg's", StoreObjects.of(Runs.writeOk(Runs.config(shipped, tmp), tmp, "shipped.zarr")));
    }

    @Test
    void vectorAndRaggedFieldsAreStoredPerChunkToo() throws IOException {
        Waveform w = Aggregations.waveform("h_ph", "dem_h", 128);
        Reducer window = (cell, out) -> {
            out.set(0, cell.chunkValue("chunk_offset"));
            out.set(1, cell.chunkValue("chunk_gain"));
        };
        Reducer windowRows = (cell, out) -> {
            out.add(cell.chunkValue("chunk_offset"));
            out.add(cell.chunkValue("chunk_gain"));
        };
        Path out = Runs.writeOk(dsl(w).aggregate(w.offset(), w.gain(), w.counts(),
                Aggregations.reduce("window", List.of("h_ph"), window).vector(2).perChunk(),
                Aggregations.reduce("window_rows", List.of("h_ph"), windowRows).ragged(2).perChunk()), tmp, "per_chunk.zarr");
        StoreReader store = StoreReader.open(DirectoryStore.open(out));
        assertEquals(List.of(12L << 26, 2L), Arrays.stream(store.array("19/window").shape()).boxed().toList());
        int chunks = 0;
        for (String group : store.groups()) {
            if (!group.startsWith("19/window_rows/")) {
                continue;
            }
            long chunk = Long.parseLong(group.substring("19/window_rows/".length()));
            float offset = companion(store, "offset_h", chunk);
            float gain = companion(store, "gain_h", chunk);
            ByteBuffer vector = store.readRegion("19/window", chunk, chunk + 1).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(offset, vector.getFloat(), "chunk " + chunk);
            assertEquals(gain, vector.getFloat());
            CsrBlock rows = store.readCsr(group);
            assertArrayEquals(new long[] {0}, rows.cellIds(), "one payload per chunk, as cell 0");
            assertArrayEquals(new long[] {0, 1}, rows.offsets());
            assertEquals(offset, rows.values().getFloat(0));
            assertEquals(gain, rows.values().getFloat(4));
            chunks++;
        }
        assertEquals(store.storedChunkCount("19/gain_h"), chunks, "a chunk without photons has no payload and no group");
    }

    @Test
    void aPerChunkFieldThatVariesByCellFailsItsShardWithZaggsMessage() throws IOException {
        RunReport report = Zagg.read(Granules.of(Resources.copy("granules/atl03_small.h5", tmp))).layout(Layouts.atl03())
                .grid(Grids.healpix(11).chunks(13).cells(19)).aggregate(count(), max("h_ph").perChunk()).exactRead()
                .write(tmp.resolve("varying.zarr"));
        assertFalse(report.succeeded());
        ShardReport failed = report.shards().stream().filter(s -> s.status() == ShardStatus.FAILED).findFirst().orElseThrow();
        String error = failed.error().orElseThrow();
        assertTrue(error.matches("resolution: chunk field 'h_ph_max' is not chunk-uniform: the populated cells carry \\d+ distinct values;"
                + " a chunk-resolution field must reduce to one value per chunk \\(use resolution: cell for a per-cell field\\)"), error);
    }

}
