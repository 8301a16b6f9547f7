package io.zagg;

import static io.zagg.Aggregations.chunkValue;
import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.waveform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.DType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The DSL's chunk values, waveform and per-chunk fields: what they build and what they refuse, each with its message. */
class ChunkValuesDslTest {

    private static final Pipeline PIPELINE = Zagg.read(Granules.of(Path.of("absent.h5"))).layout(Layouts.atl03())
            .grid(Grids.healpix(11).chunks(13).cells(19));

    private static final ChunkValue TOP = ChunkValue.of("chunk_top", "h_ph", h -> h.getDouble(0));

    @Test
    void aWaveformIsZaggsThreeFields() {
        Waveform w = waveform("h_ph", "dem_h", 128);
        Aggregation counts = w.counts();
        assertEquals("waveform_counts", counts.name());
        assertEquals(Aggregation.Kind.VECTOR, counts.kind());
        assertEquals(List.of(128), counts.shape());
        assertEquals(DType.UINT32, counts.dtype());
        assertEquals(0.0, counts.fill());
        assertEquals(List.of("h_ph"), counts.sources());
        assertEquals(Map.of("bins", 128, "below", 27, "gain", "chunk_gain", "offset", "chunk_offset"), counts.params());
        assertFalse(counts.isPerChunk());
        for (Aggregation companion : List.of(w.offset(), w.gain())) {
            assertTrue(companion.isPerChunk(), companion.toString());
            assertEquals(DType.FLOAT32, companion.dtype());
            assertTrue(Double.isNaN(companion.fill()));
        }
        assertEquals("chunk_value(value=chunk_offset) as offset_h float32 fill NaN per chunk", w.offset().toString());
        assertEquals("chunk_value(value=chunk_gain) as gain_h float32 fill NaN per chunk", w.gain().toString());
        assertEquals(13, waveform("h_ph", "dem_h", 64).counts().params().get("below"), "27 of 128 bins, scaled");
        assertEquals(4, w.binsBelowAnchor(4).counts().params().get("below"));
    }

    @Test
    void waveformsRefuseBadShapesEagerly() {
        assertEquals("waveform of h_ph: bins 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> waveform("h_ph", "dem_h", 0)).getMessage());
        assertEquals("waveform of h_ph: bins below the anchor 128 must be in 0..127 for 128 bins",
                assertThrows(IllegalArgumentException.class, () -> waveform("h_ph", "dem_h", 128).binsBelowAnchor(128)).getMessage());
        assertEquals("waveform of h_ph: minimum gain NaN must be positive and finite",
                assertThrows(IllegalArgumentException.class, () -> waveform("h_ph", "dem_h", 128).minGain(Double.NaN)).getMessage());
        assertEquals("anchor column must be a non-blank column name, not ' '",
                assertThrows(IllegalArgumentException.class, () -> waveform("h_ph", " ", 128)).getMessage());
    }

    @Test
    void chunkValuesAreFloatsWithNames() {
        assertEquals(DType.FLOAT32, TOP.dtype());
        assertEquals(DType.FLOAT64, TOP.dtype(DType.FLOAT64).dtype());
        assertEquals("chunk value chunk_top = reduce(h_ph) float32", TOP.toString());
        assertEquals("chunk value 'chunk_top' has dtype int16; it must be float32 or float64, since a chunk without rows gets NaN",
                assertThrows(IllegalArgumentException.class, () -> TOP.dtype(DType.INT16)).getMessage());
        assertEquals("chunk value name must be a non-blank name, not ''",
                assertThrows(IllegalArgumentException.class, () -> ChunkValue.of("", "h_ph", h -> 0)).getMessage());
        String unknown = assertThrows(IllegalArgumentException.class, () -> Aggregations.function("waveform", "h_ph", Map.of()))
                .getMessage();
        assertTrue(unknown.startsWith("unknown aggregation function 'waveform'") && !unknown.contains("chunk_value"),
                "the DSL-only built-ins are no config function names: " + unknown);
    }

    @Test
    void thePipelineChecksChunkValuesBeforeAnyWork() {
        assertEquals("chunk value name 'chunk_top' is used twice in chunkPrecompute",
                assertThrows(IllegalArgumentException.class, () -> PIPELINE.chunkPrecompute(TOP, TOP)).getMessage());
        Pipeline storesTop = PIPELINE.aggregate(count(), chunkValue("chunk_top").perChunk());
        assertEquals("field 'chunk_top' reads chunk value 'chunk_top', which no chunk precompute provides (chunk values: none)",
                assertThrows(IllegalArgumentException.class, storesTop::plan).getMessage());
        assertEquals("chunk value chunk_x = reduce(dem_h) float32 reads column 'dem_h', which the layout does not provide (columns:"
                + " h_ph, latitude, longitude)", assertThrows(IllegalArgumentException.class,
                        () -> storesTop.chunkPrecompute(TOP, ChunkValue.of("chunk_x", "dem_h", h -> 0)).plan()).getMessage());
        assertEquals("chunk value 'h_ph' has the name of a column; give it another name", assertThrows(IllegalArgumentException.class,
                () -> storesTop.chunkPrecompute(TOP, ChunkValue.of("h_ph", "h_ph", h -> 0)).plan()).getMessage());
        Waveform w = waveform("h_ph", "h_ph", 128);
        Pipeline twoWindows = PIPELINE.aggregate(w.counts(), w.minGain(1).gain());
        assertTrue(assertThrows(IllegalArgumentException.class, twoWindows::plan).getMessage()
                .startsWith("chunk value 'chunk_gain' is computed twice"));
        assertEquals("Zagg.read(1 granules).layout(6 beams).grid(healpix(11).chunks(13).cells(19)).chunkPrecompute(chunk_top)"
                + ".aggregate(count, chunk_top).carrier(plain)", storesTop.chunkPrecompute(TOP).toString());
    }

    @Test
    void equalWaveformsShareTheirChunkValues() {
        Waveform a = waveform("h_ph", "h_ph", 128);
        Waveform b = waveform("h_ph", "h_ph", 128);
        assertEquals(a.counts(), b.counts(), "equal definitions, so one gain and one offset per chunk");
        assertEquals(List.of(), PIPELINE.aggregate(a.counts(), b.offset().as("anchor"), b.gain()).plan().shards(),
                "validation passes; the absent granule touches no shard");
    }
}
