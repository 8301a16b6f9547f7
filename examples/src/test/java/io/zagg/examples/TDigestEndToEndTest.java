package io.zagg.examples;

import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.tdigest;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Granules;
import io.zagg.Grids;
import io.zagg.Layouts;
import io.zagg.RunReport;
import io.zagg.ShardReport;
import io.zagg.TDigestReader;
import io.zagg.TDigests;
import io.zagg.Zagg;
import io.zagg.grid.MortonWord;
import io.zagg.store.CsrBlock;
import io.zagg.store.DirectoryStore;
import io.zagg.store.StoreReader;
import io.zagg.test.Atl03Photons;
import io.zagg.test.Atl03Photons.Photon;
import io.zagg.test.Resources;
import io.zagg.test.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-cell t-digests end to end on a generated ATL03-shaped granule: the CSR layout zagg writes
 * (one group per processed inner chunk, keyed by its NESTED id), each cell's digest, quantiles
 * read back through {@link TDigestReader} within the digest's error bound of the exact quantiles
 * of the cell's photons (read here with jhdf), and the same bytes from every carrier.
 */
class TDigestEndToEndTest {

    private static final int CELLS_PER_CHUNK = 1 << 12;
    private static final String CONFIG = "configs/atl03_tdigest_o11.yaml";
    private static final double[] QS = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1};

    @TempDir
    Path tmp;


    /** Each cell's photon heights at {@code order}, in read order. */
    private Map<Long, float[]> heightsByCell(int order) throws IOException {
        Map<Long, List<Float>> cells = new TreeMap<>();
        for (Photon p : Atl03Photons.read(Resources.copy("granules/atl03_small.h5", tmp))) {
            cells.computeIfAbsent(p.cell() >> (2 * (19 - order)), k -> new ArrayList<>()).add(p.h());
        }
        Map<Long, float[]> out = new TreeMap<>();
        cells.forEach((cell, h) -> {
            float[] a = new float[h.size()];
            for (int i = 0; i < a.length; i++) {
                a[i] = h.get(i);
            }
            out.put(cell, a);
        });
        return out;
    }

    /**
     * The digest's error bound in rank: the estimate of the q-quantile lies between two adjacent
     * centroid means, each centroid a run of the sorted values, so its rank is within the
     * weights of two centroids of {@code q·n}.
     */
    private static void assertWithinBound(float[] values, float[] digest, double q, double estimate, String label) {
        float[] sorted = values.clone();
        Arrays.sort(sorted);
        double maxWeight = 0;
        for (int i = 1; i < digest.length; i += 2) {
            maxWeight = Math.max(maxWeight, digest[i]);
        }
        int below = 0;
        int atOrBelow = 0;
        for (float v : sorted) {
            below += v < estimate ? 1 : 0;
            atOrBelow += v <= estimate ? 1 : 0;
        }
        double target = q * sorted.length;
        double distance = target < below ? below - target : target > atOrBelow ? target - atOrBelow : 0;
        assertTrue(distance <= 2 * maxWeight + 1, label + ": q " + q + " estimated " + estimate + " has ranks [" + below + ", "
                + atOrBelow + "] of " + sorted.length + ", " + distance + " from " + target + " (bound " + (2 * maxWeight + 1) + ")");
        assertTrue(estimate >= sorted[0] && estimate <= sorted[sorted.length - 1], label + ": q " + q + " estimate within the data");
    }

    @Test
    void everyProcessedChunkHasACsrGroupAndEveryCellItsDigest() throws IOException {
        Path out = tmp.resolve("tdigest.zarr");
        RunReport report = Runs.config(CONFIG, tmp).write(out);
        assertTrue(report.succeeded(), report.toJson());
        Map<Long, float[]> expected = heightsByCell(19);
        StoreReader store = StoreReader.open(DirectoryStore.open(out));
        int groups = 0;
        int digests = 0;
        for (ShardReport s : report.shards()) {
            long first = MortonWord.toNested(s.shardKey()) * 16;
            for (long chunk = first; chunk < first + 16; chunk++) {
                CsrBlock block = store.readCsr("19/h_tdigest/" + chunk);
                groups++;
                long[] offsets = block.offsets();
                long[] cellIds = block.cellIds();
                assertEquals(0, offsets[0], "offsets[0] of chunk " + chunk);
                assertEquals(block.rows(), offsets[offsets.length - 1], "the last offset is the row count, chunk " + chunk);
                assertEquals(cellIds.length + 1, offsets.length);
                for (int k = 0; k < cellIds.length; k++) {
                    assertTrue(offsets[k + 1] > offsets[k], "a listed cell has a non-empty payload, chunk " + chunk);
                    assertTrue(cellIds[k] >= 0 && cellIds[k] < CELLS_PER_CHUNK && (k == 0 || cellIds[k] > cellIds[k - 1]));
                    long cell = chunk * CELLS_PER_CHUNK + cellIds[k];
                    float[] h = expected.get(cell);
                    assertTrue(h != null, "cell " + cell + " has photons");
                    ByteBuffer payload = block.payload(k);
                    float[] digest = new float[payload.remaining() / 4];
                    payload.asFloatBuffer().get(digest);
                    assertArrayEquals(TDigests.build(h, 256), digest, "digest of cell " + cell);
                    digests++;
                }
            }
        }
        assertEquals(16 * report.shards().size(), groups, "K = 16 CSR groups per shard, empty chunks included");
        assertEquals(expected.size(), digests, "every cell with photons has its digest");
        assertEquals(report.cellsWithData(), digests);
    }

    @Test
    void theReaderGivesEachCellsDigestAndQuantilesWithinTheBound() throws IOException {
        Path out = Runs.writeOk(Runs.config(CONFIG, tmp), tmp, "tdigest.zarr");
        TDigestReader reader = TDigestReader.open(out, "h_tdigest");
        assertEquals(19, reader.cellOrder());
        Map<Long, float[]> expected = heightsByCell(19);
        for (Map.Entry<Long, float[]> e : expected.entrySet()) {
            float[] digest = reader.digest(e.getKey()).orElseThrow();
            assertArrayEquals(TDigests.build(e.getValue(), 256), digest);
            for (double q : QS) {
                assertWithinBound(e.getValue(), digest, q, reader.quantile(e.getKey(), q), "cell " + e.getKey());
            }
        }
        long empty = expected.keySet().iterator().next() + 1;
        while (expected.containsKey(empty)) {
            empty++;
        }
        assertEquals(Optional.empty(), reader.digest(empty));
        assertTrue(Double.isNaN(reader.quantile(empty, 0.5)));
        assertEquals(Optional.empty(), reader.digest(0), "a chunk no shard wrote");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TDigestReader.open(out, "h_digest"));
        assertEquals("store " + out + " has no ragged field 'h_digest' (ragged fields: h_tdigest)", e.getMessage());
    }

    @Test
    void compressedDigestsOfLargeCellsStayWithinTheBound() throws IOException {
        Path out = Runs.writeOk(Zagg.read(Granules.of(Resources.copy("granules/atl03_small.h5", tmp))).layout(Layouts.atl03())
                .grid(Grids.healpix(11).chunks(12).cells(15)).aggregate(count(), tdigest("h_ph", 16)).exactRead(), tmp, "coarse.zarr");
        TDigestReader reader = TDigestReader.open(out, "h_ph_tdigest");
        int compressed = 0;
        for (Map.Entry<Long, float[]> e : heightsByCell(15).entrySet()) {
            float[] digest = reader.digest(e.getKey()).orElseThrow();
            compressed += digest.length / 2 < e.getValue().length ? 1 : 0;
            for (double q : QS) {
                assertWithinBound(e.getValue(), digest, q, reader.quantile(e.getKey(), q), "cell " + e.getKey());
            }
        }
        assertTrue(compressed > 10, "cells of hundreds of photons keep ~16 centroids: " + compressed);
    }

    @Test
    void everyCarrierWritesTheSameBytes() throws IOException {
        Map<String, byte[]> objects = Runs.sameOnEveryCarrier(Runs.config(CONFIG, tmp), tmp);
        assertTrue(objects.keySet().stream().anyMatch(k -> k.startsWith("19/h_tdigest/")), "the stores hold CSR groups");
    }

    @Test
    void zaggsShippedConfigRunsUnchangedAndWritesTheSameStore() throws IOException {
        Path shipped = SharedData.require("data/zagg-configs/atl03_tdigest_healpix.yaml");
        StoreObjects.assertSame("ours", StoreObjects.of(Runs.writeOk(Runs.config(CONFIG, tmp), tmp, "ours.zarr")),
                "zagg's", StoreObjects.of(Runs.writeOk(Runs.config(shipped, tmp), tmp, "shipped.zarr")));
    }
}
