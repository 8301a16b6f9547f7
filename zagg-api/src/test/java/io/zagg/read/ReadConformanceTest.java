package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zagg.Layout;
import io.zagg.Layouts;
import io.zagg.spi.Column;
import io.zagg.spi.DType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every beam of every case of {@code granules/expected_reads.json} — written once by
 * {@code tools/expected_reads.py}, an h5py + numpy statement of zagg's read — read again here
 * and compared value for value: status, read path, rows, decoded rows, invalid coordinates and,
 * per column in order, dtype, element count, the wrapping sum of the raw element bits and the
 * first and last value. Cases on {@code ../shared/data} are skipped when it is absent.
 */
class ReadConformanceTest {

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = ReadConformanceTest.class.getResourceAsStream("/granules/expected_reads.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Arguments> out = new ArrayList<>();
            root.get("cases").forEach(c -> out.add(Arguments.of(c.get("id").asText(), c)));
            return out.stream();
        }
    }

    static Layout layout(String name) {
        switch (name) {
            case "atl03": return Layouts.atl03();
            case "atl06": return Layouts.atl06();
            case "atl03_dem": return withDem(Layouts.atl03());
            default: throw new IllegalArgumentException(name);
        }
    }

    /** atl03 plus zagg's waveform configs' segment variable {@code dem_h}. */
    static Layout withDem(Layout atl03) {
        Layout.Level segments = atl03.levels().get("segments").variable("dem_h", "/{group}/geophys_corr/dem_h");
        return atl03.toBuilder().level(segments).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readEqualsH5pyStatementOfZagg(String id, JsonNode c) {
        String file = c.get("file").asText();
        Path path;
        if (file.startsWith("shared/")) {
            Optional<Path> shared = TestGranules.sharedData();
            assumeTrue(shared.isPresent(), "skipped: ../shared/data (real ATL03 files) is absent on this machine");
            path = shared.get().resolve(file.substring("shared/".length()));
            assumeTrue(Files.exists(path), "skipped: " + path + " is absent on this machine");
        } else {
            path = TestGranules.fixture(file.substring("granules/".length()));
        }
        JsonNode box = c.get("box");
        ShardSelector selector = TestGranules.box(box.get(0).asDouble(), box.get(1).asDouble(), box.get(2).asDouble(), box.get(3).asDouble());
        ReadOptions options = ReadOptions.builder().exactRead(c.get("exact").asBoolean()).dropFillValues(c.get("drop_fill").asBoolean()).build();
        GranuleRead read = new GranuleReader(layout(c.get("layout").asText()), options).read(path, selector);
        assertEquals(List.of(), read.failures(), id);
        for (Iterator<Map.Entry<String, JsonNode>> it = c.get("beams").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            checkBeam(id + " " + e.getKey(), read.beam(e.getKey()).orElseThrow(), e.getValue());
        }
    }

    private static void checkBeam(String what, BeamRead beam, JsonNode expected) {
        assertEquals(expected.get("status").asText(), beam.status().name(), what);
        if (beam.status() == BeamRead.Status.ABSENT) {
            return;
        }
        assertEquals(expected.get("access").asText(), beam.access().name(), what + " access");
        assertEquals(expected.get("rows").asInt(), beam.rows(), what + " rows");
        assertEquals(expected.get("rows_read").asLong(), beam.rowsRead(), what + " rows read");
        assertEquals(expected.get("invalid").asLong(), beam.invalidCoordinates(), what + " invalid coordinates");
        if (beam.status() != BeamRead.Status.READ) {
            return;
        }
        List<String> names = new ArrayList<>();
        expected.get("columns").forEach(col -> names.add(col.get("name").asText()));
        assertEquals(names, new ArrayList<>(beam.columns().keySet()), what + " column order");
        for (JsonNode col : expected.get("columns")) {
            String name = col.get("name").asText();
            Column actual = beam.columns().get(name);
            assertEquals(DType.parse(col.get("dtype").asText()), actual.dtype(), what + " " + name + " dtype");
            assertEquals(col.get("width").asInt(), actual.width(), what + " " + name + " width");
            long elements = actual.rows() * actual.width();
            assertEquals(col.get("elements").asLong(), elements, what + " " + name + " elements");
            assertEquals(Long.parseUnsignedLong(col.get("bits_sum").asText()), bitsSum(actual), what + " " + name + " bits");
            assertEquals(col.get("first").asDouble(), actual.getDouble(0), what + " " + name + " first");
            assertEquals(col.get("last").asDouble(), actual.getDouble(elements - 1), what + " " + name + " last");
        }
    }

    /** The wrapping sum of each element's raw bits as an unsigned number, as numpy's uint64 sum. */
    static long bitsSum(Column c) {
        long sum = 0;
        long n = c.rows() * c.width();
        for (long i = 0; i < n; i++) {
            switch (c.dtype()) {
                case FLOAT32: sum += Float.floatToRawIntBits(c.getFloat(i)) & 0xFFFFFFFFL; break;
                case FLOAT64: sum += Double.doubleToRawLongBits(c.getDouble(i)); break;
                default:
                    int bits = 8 * c.dtype().byteSize();
                    sum += bits == 64 ? c.getLong(i) : c.getLong(i) & ((1L << bits) - 1);
            }
        }
        return sum;
    }
}
