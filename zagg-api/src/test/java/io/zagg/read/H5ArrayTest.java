package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.zagg.spi.Column;
import io.zagg.spi.DType;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The chunk decoder against jhdf's own full read, value for value, over random sets of row
 * ranges, sequentially and with helper threads: every dtype and storage path the fixtures hold
 * (shuffle + deflate, deflate, no filter, big-endian, Fletcher-32 through jhdf's decoder, unchunked
 * through jhdf's slices, 2-D rows, partial last chunks).
 */
class H5ArrayTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(3);

    @AfterAll
    static void stopPool() {
        POOL.shutdownNow();
    }

    private static final List<String> SMALL = List.of("/gt2l/heights/lat_ph", "/gt2l/heights/lon_ph", "/gt2l/heights/h_ph",
            "/gt2l/heights/signal_conf_ph", "/gt2l/heights/delta_time", "/gt1l/geolocation/ph_index_beg", "/gt1l/geolocation/segment_ph_cnt",
            "/gt1l/geophys_corr/dem_h");
    private static final List<String> GRID = List.of("/gt1l/heights/weight_ph", "/gt1l/heights/ph_id_pulse", "/gt1l/heights/quality_ph",
            "/gt1l/heights/dist_ph_along", "/gt1l/heights/h_ph",
            "/gt2l/geolocation/seg_flag");

    @Test
    void decodedRangesEqualJhdfFullReadsOnTheFixtures() {
        checkAll(TestGranules.fixture("atl03_small.h5"), SMALL);
        checkAll(TestGranules.fixture("atl03_grid.h5"), GRID);
    }

    @Test
    void decodedRangesEqualJhdfFullReadsOnTheRealFiles() {
        Path shared = TestGranules.sharedData().orElse(null);
        assumeTrue(shared != null && Files.exists(shared.resolve("ATL03_gt1l.h5")), "skipped: ../shared/data is absent on this machine");
        checkAll(shared.resolve("ATL03_gt1l.h5"), List.of("/gt1l/heights/lat_ph", "/gt1l/heights/h_ph", "/gt1l/heights/signal_conf_ph",
                "/gt1l/heights/pce_mframe_cnt", "/gt1l/heights/ph_id_channel", "/gt1l/heights/quality_ph", "/gt1l/geophys_corr/dem_h",
                "/gt1l/geolocation/reference_photon_index"));
        checkAll(shared.resolve("atl03_mini.h5"), List.of("/gt1l/heights/lat_ph", "/gt1l/heights/signal_conf_ph",
                "/gt1l/geolocation/ph_index_beg", "/gt1l/geolocation/reference_photon_lat"));
    }

    private static void checkAll(Path file, List<String> paths) {
        try (HdfFile f = new HdfFile(file)) {
            for (String path : paths) {
                checkAgainst(f, path, path, POOL, file.getFileName() + path);
            }
        }
    }

    /**
     * Random sets of row ranges of {@code path}, decoded sequentially and with helper threads of
     * {@code pool}, equal jhdf's full read of {@code referencePath} (a dataset with the same values).
     */
    static void checkAgainst(HdfFile f, String path, String referencePath, ExecutorService pool, String what) {
        H5Array a = H5Array.open(f, path);
        Object reference = f.getDatasetByPath(referencePath).getDataFlat();
        qt().withExamples(30).forAll(lists().of(integers().between(0, a.rows())).ofSizeBetween(2, 10), integers().between(1, 4))
                .checkAssert((cuts, parallelism) -> {
                    RowRanges ranges = ranges(cuts);
                    if (ranges != null) {
                        check(a, reference, ranges, new WorkSharing(pool, parallelism), what);
                    }
                });
        check(a, reference, RowRanges.of(0, a.rows()), new WorkSharing(pool, 2), what + " whole");
    }

    /** Sorted distinct cut points, taken in pairs as [start, end). */
    private static RowRanges ranges(List<Integer> cuts) {
        List<Integer> c = new ArrayList<>(new TreeSet<>(cuts));
        int n = c.size() / 2;
        if (n == 0) {
            return null;
        }
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            starts[i] = c.get(2 * i);
            ends[i] = c.get(2 * i + 1);
        }
        return RowRanges.of(starts, ends);
    }

    /** The rows of {@code ranges} of {@code a}, decoded by {@code work}. */
    static Object read(H5Array a, RowRanges ranges, WorkSharing work) {
        Object dest = a.newArray(ranges.total());
        List<Runnable> tasks = new ArrayList<>();
        a.addReads(ranges, dest, tasks);
        work.run(tasks);
        return dest;
    }

    static void check(H5Array a, Object reference, RowRanges ranges, WorkSharing work, String what) {
        Column got = a.column(read(a, ranges, work));
        int w = a.width();
        for (int r = 0; r < ranges.count(); r++) {
            for (int row = ranges.start(r); row < ranges.end(r); row++) {
                int local = ranges.offset(r) + row - ranges.start(r);
                for (int k = 0; k < w; k++) {
                    Number expected = (Number) Array.get(reference, row * w + k);
                    long i = (long) local * w + k;
                    if (a.dtype().isFloating()) {
                        assertEquals(expected.doubleValue(), got.getDouble(i), what + " row " + row);
                    } else {
                        assertEquals(expected.longValue(), got.getLong(i), what + " row " + row);
                    }
                }
            }
        }
    }

    @Test
    void datasetsReportTheirDtypeShapeAndFillValue() {
        try (HdfFile f = new HdfFile(TestGranules.fixture("atl03_grid.h5"))) {
            H5Array conf = H5Array.open(f, "/gt1l/heights/signal_conf_ph");
            assertEquals(DType.INT8, conf.dtype());
            assertEquals(5, conf.width());
            assertEquals(280, conf.rows());
            assertEquals(DType.UINT8, H5Array.open(f, "/gt1l/heights/weight_ph").dtype());
            assertEquals(DType.INT64, H5Array.open(f, "/gt1l/geolocation/ph_index_beg").dtype());
            assertEquals(3.4028235e38f, H5Array.open(f, "/gt1l/geophys_corr/dem_h").fillValue().orElseThrow().floatValue());
            assertEquals(0L, H5Array.open(f, "/gt1l/geolocation/segment_ph_cnt").fillValue().orElseThrow().longValue());
            assertEquals(false, H5Array.open(f, "/gt1l/heights/h_ph").fillValue().isPresent());
        }
    }
}
