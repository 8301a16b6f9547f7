package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.zagg.Layout;
import io.zagg.Layouts;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole read path decodes every committed fixture to the same arrays with zlib and with
 * libdeflate: the chunk-storage cases (every dataset, filter masks included, from the file and
 * from memory) and the ATL03/ATL06 granules through {@link GranuleReader}, with and without the
 * read plan, sequentially and with helper threads. Skipped when libdeflate is not installed.
 */
class InflationReadTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(2);
    private static final List<String> CHUNK_CASES = List.of("/conf_i8", "/h_f32", "/lat_f64", "/cnt_i16", "/idx_i32be", "/beg_i64",
            "/dt_f64be", "/u16_plain", "/h_f32_masked", "/beg_i64_masked");

    @BeforeAll
    static void needsLibdeflate() {
        InflateTest.assumeLibdeflate();
    }

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    /** {@code read} under zlib and under libdeflate, the process's choice restored afterwards. */
    private static <T> List<T> underBoth(Supplier<T> read) {
        Inflation.Kind before = Inflation.kind();
        try {
            Inflation.use(Inflation.Kind.ZLIB);
            T zlib = read.get();
            Inflation.use(Inflation.Kind.LIBDEFLATE);
            return List.of(zlib, read.get());
        } finally {
            Inflation.use(before);
        }
    }

    @Test
    void chunkCasesDecodeAlike() {
        for (String name : List.of("chunk_cases.h5", "chunk_cases_v4.h5")) {
            Path file = TestGranules.fixture(name);
            for (boolean inMemory : new boolean[] {false, true}) {
                List<Map<String, Object>> both = underBoth(() -> {
                    try (HdfFile f = inMemory ? HdfFile.fromBytes(Files.readAllBytes(file)) : new HdfFile(file)) {
                        Map<String, Object> arrays = new LinkedHashMap<>();
                        for (String path : CHUNK_CASES) {
                            H5Array a = H5Array.open(f, path);
                            arrays.put(path, read(a, RowRanges.of(new int[] {0, 9, 30}, new int[] {5, 26, a.rows()})));
                        }
                        return arrays;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                assertEquals(CHUNK_CASES.size(), both.get(0).size());
                for (String path : CHUNK_CASES) {
                    assertTrue(Objects.deepEquals(both.get(0).get(path), both.get(1).get(path)), name + path + (inMemory ? " in memory" : ""));
                }
            }
        }
    }

    private static Object read(H5Array a, RowRanges ranges) {
        return H5ArrayTest.read(a, ranges, new WorkSharing(POOL, 2));
    }

    @Test
    void granulesReadAlike() {
        Layout atl03 = Layouts.atl03();
        Map<String, Layout> layouts = new LinkedHashMap<>();
        layouts.put("atl03_small.h5", atl03);
        layouts.put("atl03_grid.h5", atl03);
        layouts.put("atl06_small.h5", Layouts.atl06());
        layouts.forEach((name, layout) -> {
            Path granule = TestGranules.fixture(name);
            for (Layout l : List.of(layout, layout.toBuilder().noReadPlan().build())) {
                for (ReadOptions options : List.of(ReadOptions.defaults(), ReadOptions.builder().parallelism(2, POOL).build())) {
                    List<GranuleRead> both = underBoth(() -> new GranuleReader(l, options).read(granule, TestGranules.everywhere()));
                    assertEquals(List.of(), both.get(0).failures(), name);
                    assertEquals(List.of(), both.get(1).failures(), name);
                    assertTrue(both.get(0).rows() > 0, name + " has rows");
                    assertEquals(both.get(0).rows(), both.get(1).rows(), name);
                    for (int b = 0; b < both.get(0).beams().size(); b++) {
                        Map<String, Column> zlib = both.get(0).beams().get(b).columns();
                        Map<String, Column> libdeflate = both.get(1).beams().get(b).columns();
                        assertEquals(zlib.keySet(), libdeflate.keySet(), name);
                        zlib.forEach((column, values) -> assertTrue(
                                Objects.deepEquals(Columns.arrayOf(values), Columns.arrayOf(libdeflate.get(column))), name + " " + column));
                    }
                }
            }
        });
    }
}
