package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhdf.HdfFile;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The chunk decoder's storage cases on {@code chunk_cases.h5} (version-1 B-tree chunk index)
 * and {@code chunk_cases_v4.h5} (fixed and extensible array indices), written by HDF5 through
 * {@code tools/gen_chunk_cases.py}: 53 rows in chunks of 8, so the last chunk is partial and
 * random ranges cross chunk borders. Every case is read from the file (positional reads) and
 * from the same bytes held in memory (jhdf's buffers).
 */
class ChunkDecodeTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);
    private static final List<String> FILES = List.of("chunk_cases.h5", "chunk_cases_v4.h5");
    private static final List<String> PLAIN = List.of("/conf_i8", "/h_f32", "/lat_f64", "/cnt_i16", "/idx_i32be", "/beg_i64",
            "/dt_f64be", "/u16_plain");
    // datasets with chunks stored with some filters skipped (filter mask), and a twin holding their values
    private static final Map<String, String> MASKED = Map.of("/h_f32_masked", "/h_f32", "/beg_i64_masked", "/beg_i64");

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private static List<HdfFile> open(String name) throws IOException {
        Path file = TestGranules.fixture(name);
        return List.of(new HdfFile(file), HdfFile.fromBytes(Files.readAllBytes(file)));
    }

    @Test
    void storedBytesEqualJhdfsRawChunks() throws IOException {
        for (String name : FILES) {
            for (HdfFile f : open(name)) {
                try (f) {
                    List<String> all = new ArrayList<>(PLAIN);
                    all.addAll(MASKED.keySet());
                    for (String path : all) {
                        ChunkedDatasetBase ds = (ChunkedDatasetBase) f.getDatasetByPath(path);
                        ChunkIndex index = ChunkIndex.of(f, ds);
                        ByteBuffer into = ByteBuffer.allocateDirect(1024);
                        for (int row = 0; row < 53; row += 8) {
                            Chunk chunk = index.chunkAt(row);
                            assertNotNull(chunk, name + path + " chunk at row " + row);
                            int[] offset = new int[ds.getDimensions().length];
                            offset[0] = row;
                            assertEquals(ds.getRawChunkBuffer(offset), index.read(chunk, into), name + path + " chunk at row " + row);
                        }
                        assertNull(index.chunkAt(56), name + path + " has no chunk past its end");
                        assertNull(index.chunkAt(3), name + path + " has no chunk starting inside one");
                        assertSame(index, ChunkIndex.of(f, ds), name + path + ": one index a dataset");
                    }
                }
            }
        }
    }

    @Test
    void filterMasksSayWhichFiltersWereSkipped() throws IOException {
        for (String name : FILES) {
            try (HdfFile f = new HdfFile(TestGranules.fixture(name))) {
                assertArrayEquals(new long[] {0, 1, 0, 0, 0, 0, 1}, masks(f, "/h_f32_masked"), name);
                assertArrayEquals(new long[] {0, 0, 2, 1, 3, 0, 0}, masks(f, "/beg_i64_masked"), name);
            }
        }
    }

    private static long[] masks(HdfFile f, String path) {
        ChunkIndex index = ChunkIndex.of(f, (ChunkedDatasetBase) f.getDatasetByPath(path));
        long[] masks = new long[7];
        for (int k = 0; k < 7; k++) {
            long[] bits = index.chunkAt(8 * k).getFilterMask().toLongArray();
            masks[k] = bits.length == 0 ? 0 : bits[0];
        }
        return masks;
    }

    @Test
    void decodedRangesEqualJhdfsReadsInEveryStorageCase() throws IOException {
        for (String name : FILES) {
            List<HdfFile> files = open(name);
            for (int i = 0; i < files.size(); i++) {
                try (HdfFile f = files.get(i)) {
                    String how = name + (i == 0 ? "" : " in memory");
                    for (String path : PLAIN) {
                        H5ArrayTest.checkAgainst(f, path, path, POOL, how + path);
                    }
                }
            }
        }
    }

    @Test
    void chunksStoredWithSkippedFiltersDecodeToTheirValues() throws IOException {
        for (String name : FILES) {
            for (HdfFile f : open(name)) {
                try (f) {
                    MASKED.forEach((path, twin) -> H5ArrayTest.checkAgainst(f, path, twin, POOL, name + path));
                }
            }
        }
    }

    @Test
    void aChunkNeverWrittenFailsNamingItsRow() throws IOException {
        for (String name : FILES) {
            try (HdfFile f = new HdfFile(TestGranules.fixture(name))) {
                H5Array gaps = H5Array.open(f, "/gaps_f64");
                double[] lat = (double[]) f.getDatasetByPath("/lat_f64").getData();
                double[] first = (double[]) read(gaps, RowRanges.of(2, 8));
                for (int i = 0; i < 6; i++) {
                    assertEquals(lat[2 + i], first[i], name + " row " + (2 + i));
                }
                BeamFailure e = assertThrows(BeamFailure.class, () -> read(gaps, RowRanges.of(5, 12)));
                assertEquals("/gaps_f64", e.dataset());
                assertEquals("chunk at row 8 is missing: the dataset's chunk index has no entry for it", e.getMessage());
            }
        }
    }

    private static Object read(H5Array a, RowRanges ranges) {
        return H5ArrayTest.read(a, ranges, new WorkSharing(POOL, 2));
    }
}
