package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.dataset.ChunkedDataset;
import io.zagg.Granules;
import io.zagg.Layout;
import io.zagg.Layout.Filter;
import io.zagg.Layout.Level;
import io.zagg.Layout.Link;
import io.zagg.Layouts;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every read error is recorded for its granule or beam with a message naming the granule file,
 * the beam and the dataset, and the read goes on with the other beams and granules.
 */
class ReadErrorsTest {

    private static final Path SMALL = TestGranules.fixture("atl03_small.h5");
    private static final Path GRID = TestGranules.fixture("atl03_grid.h5");

    @TempDir
    Path tmp;

    private static GranuleRead read(Layout layout, Path granule) {
        return new GranuleReader(layout, ReadOptions.defaults()).read(granule, TestGranules.everywhere());
    }

    private static ReadFailure onlyFailure(GranuleRead g) {
        List<ReadFailure> failures = g.failures();
        assertEquals(1, failures.size(), failures.toString());
        return failures.get(0);
    }

    @Test
    void absentBeamIsNotAnError() {
        GranuleRead g = read(Layouts.atl03(), SMALL);
        assertEquals(List.of(), g.failures());
        assertEquals(List.of("READ", "ABSENT", "READ", "ABSENT", "ABSENT", "ABSENT"),
                g.beams().stream().map(b -> b.status().name()).toList(), "the fixture has gt1l and gt2l only");
    }

    @Test
    void missingDatasetFailsItsBeamAndTheOtherBeamsAreRead() {
        // ancillary_data is a group without heights/: a beam whose datasets are missing
        Layout layout = Layouts.atl03().toBuilder().groups("gt1l", "ancillary_data", "gt2l").build();
        GranuleRead g = read(layout, SMALL);
        ReadFailure f = onlyFailure(g);
        assertEquals(SMALL + ", beam ancillary_data, dataset /ancillary_data/heights/lat_ph: dataset is missing", f.message());
        assertEquals("ancillary_data", f.beam().orElseThrow());
        assertEquals("/ancillary_data/heights/lat_ph", f.dataset().orElseThrow());
        assertEquals(BeamRead.Status.READ, g.beams().get(0).status());
        assertEquals(BeamRead.Status.FAILED, g.beams().get(1).status());
        assertEquals(BeamRead.Status.READ, g.beams().get(2).status());

        Layout noVariable = Layouts.atl03().toBuilder().groups("gt1l").variable("h_x", "/{group}/heights/h_x").noReadPlan().build();
        assertEquals(SMALL + ", beam gt1l, dataset /gt1l/heights/h_x: dataset is missing", onlyFailure(read(noVariable, SMALL)).message());
    }

    @Test
    void wrongRankIsNamed() {
        Layout conf = Layouts.atl03().toBuilder().groups("gt1l").coordinates("/{group}/heights/signal_conf_ph", "/{group}/heights/lon_ph")
                .noReadPlan().build();
        assertEquals(SMALL + ", beam gt1l, dataset /gt1l/heights/signal_conf_ph: has rank 2 (shape (6000, 5)); a coordinate must be 1-D",
                onlyFailure(read(conf, SMALL)).message());
    }

    @Test
    void wrongDtypeIsNamed() {
        Layout floatLink = Layouts.atl03().toBuilder().groups("gt1l")
                .level(Level.linked("segments", "/{group}/geolocation",
                        Link.to("photons", "/{group}/geolocation/reference_photon_lat", "/{group}/geolocation/segment_ph_cnt").indexBase(1))
                        .coordinates("reference_photon_lat", "reference_photon_lon"))
                .build();
        assertEquals(SMALL + ", beam gt1l, dataset /gt1l/geolocation/reference_photon_lat: has dtype float64; link indices must be integers",
                onlyFailure(read(floatLink, SMALL)).message());
    }

    @Test
    void rowCountMismatchIsNamed() {
        Layout segmentRate = Layouts.atl03().toBuilder().groups("gt1l").variable("dem_h", "/{group}/geophys_corr/dem_h").noReadPlan().build();
        String reason = onlyFailure(read(segmentRate, SMALL)).reason();
        assertTrue(reason.matches("has \\d+ rows but /gt1l/heights/lat_ph has 6000"), reason);
    }

    @Test
    void linkIndexOutOfRangeIsNamed() {
        Layout zeroBased = linkWithIndexBase(0);
        assertEquals(GRID + ", beam gt1l, dataset /gt1l/geolocation/ph_index_beg: segment 29 covers base rows [271, 281) but "
                + "/gt1l/heights/lat_ph has 280 rows", onlyFailure(read(zeroBased, GRID)).message());
        Layout twoBased = linkWithIndexBase(2);
        assertEquals(GRID + ", beam gt1l, dataset /gt1l/geolocation/ph_index_beg: segment 0 starts at index 1, below index_base 2",
                onlyFailure(read(twoBased, GRID)).message());
    }

    private static Layout linkWithIndexBase(int base) {
        return Layouts.atl03().toBuilder().groups("gt1l")
                .level(Level.linked("segments", "/{group}/geolocation",
                        Link.to("photons", "/{group}/geolocation/ph_index_beg", "/{group}/geolocation/segment_ph_cnt").indexBase(base))
                        .coordinates("reference_photon_lat", "reference_photon_lon"))
                .build();
    }

    @Test
    void filterColumnRuleIsCheckedAgainstTheDataset() {
        Layout noColumn = Layouts.atl03().toBuilder().groups("gt1l").noReadPlan().build();
        Layout.Builder b = noColumn.toBuilder();
        Layout missingColumn = Layouts.builder().groups("gt1l").coordinates(noColumn.latitude(), noColumn.longitude())
                .filter(Filter.ne("/{group}/heights/signal_conf_ph", -2)).build();
        assertEquals(SMALL + ", beam gt1l, dataset /gt1l/heights/signal_conf_ph: filter on '/{group}/heights/signal_conf_ph': "
                + "N-D array requires an integer 'column'", onlyFailure(read(missingColumn, SMALL)).message());
        Layout columnOn1d = b.filter(Filter.gt("/{group}/heights/h_ph", 0).column(0)).build();
        assertEquals(SMALL + ", beam gt1l, dataset /gt1l/heights/h_ph: filter on '/{group}/heights/h_ph': 'column' set but array is 1-D",
                onlyFailure(read(columnOn1d, SMALL)).message());
        Layout column5 = Layouts.builder().groups("gt1l").coordinates(noColumn.latitude(), noColumn.longitude())
                .filter(Filter.ne("/{group}/heights/signal_conf_ph", -2).column(5)).build();
        assertEquals(SMALL + ", beam gt1l, dataset /gt1l/heights/signal_conf_ph: filter on '/{group}/heights/signal_conf_ph': "
                + "column 5 is out of range for rows of 5 values", onlyFailure(read(column5, SMALL)).message());
    }

    @Test
    void missingFileAndNonHdf5FileFailTheGranuleOnly() throws IOException {
        Path missing = tmp.resolve("ATL03_missing.h5");
        Path text = Files.writeString(tmp.resolve("ATL03_text.h5"), "not an HDF5 file\n");
        List<GranuleRead> reads = new GranuleReader(Layouts.atl03(), ReadOptions.defaults())
                .read(Granules.of(SMALL, missing, text, SMALL), TestGranules.everywhere());
        assertEquals(List.of(), reads.get(0).failures());
        assertEquals(missing + ": file not found", onlyFailure(reads.get(1)).message());
        ReadFailure notHdf5 = onlyFailure(reads.get(2));
        assertTrue(notHdf5.message().startsWith(text + ": cannot open as HDF5: "), notHdf5.message());
        assertFalse(notHdf5.beam().isPresent());
        assertEquals(List.of(), reads.get(3).failures());
        assertEquals(reads.get(0).rows(), reads.get(3).rows());
    }

    @Test
    void truncatedFileFailsTheGranule() throws IOException {
        byte[] bytes = Files.readAllBytes(SMALL);
        for (double keep : new double[] {0.3, 0.6, 0.99}) {
            int size = (int) (bytes.length * keep);
            Path cut = Files.write(tmp.resolve("cut" + keep + ".h5"), Arrays.copyOf(bytes, size));
            assertEquals(cut + ": is truncated: it has " + size + " bytes but its HDF5 superblock records " + bytes.length,
                    onlyFailure(read(Layouts.atl03(), cut)).message());
        }
        Path header = Files.write(tmp.resolve("header.h5"), Arrays.copyOf(bytes, 40));
        String reason = onlyFailure(read(Layouts.atl03(), header)).reason();
        assertTrue(reason.startsWith("cannot open as HDF5: "), reason);
    }

    @Test
    void corruptChunkFailsWithDatasetAndRowNamed() throws IOException {
        byte[] bytes = Files.readAllBytes(SMALL);
        byte[] chunk;
        try (HdfFile f = new HdfFile(SMALL)) {
            ByteBuffer raw = ((ChunkedDataset) f.getDatasetByPath("/gt2l/heights/h_ph")).getRawChunkBuffer(new int[] {2000});
            chunk = new byte[raw.remaining()];
            raw.get(chunk);
        }
        int at = indexOf(bytes, chunk);
        assertTrue(at > 0, "the chunk's bytes are in the file");
        for (int i = at + 20; i < at + 60; i++) {
            bytes[i] ^= 0x5A;
        }
        Path corrupt = Files.write(tmp.resolve("corrupt.h5"), bytes);
        Inflation.Kind before = Inflation.kind();
        try {
            for (Inflation.Kind kind : Inflation.Kind.values()) { // the same failure whichever inflates
                if (kind == Inflation.Kind.LIBDEFLATE) {
                    InflateTest.assumeLibdeflate();
                }
                Inflation.use(kind);
                GranuleRead g = read(Layouts.atl03().toBuilder().noReadPlan().build(), corrupt);
                ReadFailure f = onlyFailure(g);
                assertEquals("gt2l", f.beam().orElseThrow(), kind.name());
                assertEquals("/gt2l/heights/h_ph", f.dataset().orElseThrow(), kind.name());
                assertTrue(f.reason().startsWith("chunk at row 2000 is corrupt: deflate failed ("), kind + ": " + f.reason());
                assertEquals(BeamRead.Status.READ, g.beams().get(0).status(), "gt1l is intact");
            }
        } finally {
            Inflation.use(before);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
