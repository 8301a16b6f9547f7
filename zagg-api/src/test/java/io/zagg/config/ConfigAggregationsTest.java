package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Aggregation;
import io.zagg.reduce.CellRuns;
import io.zagg.reduce.ChunkStage;
import io.zagg.reduce.ShardOutput;
import io.zagg.reduce.ShardReduction;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A config's fields and chunk_precompute as the run computes them: bare chunk-value names become
 * chunk values (in empty cells too), {@code resolution: chunk} fields are stored per chunk, and
 * expression fields see their chunk's values with numpy's types.
 */
class ConfigAggregationsTest {

    private static final ConfigAggregations GAIN_BIAS =
            ConfigAggregations.of(ZaggConfig.load(ConfigLoaderTest.resource("gain_bias_healpix.yaml")));

    private static Aggregation field(String name) {
        return GAIN_BIAS.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void bareChunkValueNamesAndResolutionChunkBecomeCompanions() {
        assertEquals(List.of("gain", "anchor", "middle"), GAIN_BIAS.chunkStage().orElseThrow().names());
        assertEquals("chunk_value(value=anchor) as anchor_h float32 fill NaN per chunk", field("anchor_h").toString());
        assertEquals("chunk_value(value=gain) as gain_h float32 fill NaN per chunk", field("gain_h").toString(),
                "' gain ' is a bare name once stripped");
        assertEquals(Aggregation.Kind.VECTOR, field("waveform").kind());
        assertTrue(!field("waveform").isPerChunk() && !field("above_middle").isPerChunk());
    }

    @Test
    void aChunksCellsSeeItsValues() {
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("h_ph", Columns.of(101f, 103.5f, 140f, 99.9f, 108f));
        columns.put("ref_h", Columns.of(100.7f, 100.7f, 100.2f, 101.9f, 101.9f));
        List<ChunkStage> stages = List.of(GAIN_BIAS.chunkStage().orElseThrow());
        // cells 0 (rows 0..2) and 2 (rows 3..4) of 4: cells 1 and 3 are empty
        ShardOutput out = new ShardReduction(GAIN_BIAS.fields(), stages).reduce(columns, new CellRuns(new long[] {0, 3, 5}, new int[] {0, 2}, 4));
        for (int cell = 0; cell < 4; cell++) {
            assertEquals(100f, out.dense("anchor_h").getFloat(cell), "floor(min(ref_h)) in cell " + cell);
            assertEquals(1f, out.dense("gain_h").getFloat(cell), "a 40.1 m range over 64 bins: 1 m, in cell " + cell);
        }
        assertEquals(1, out.dense("above_middle").getLong(0), "one of 101, 103.5, 140 is above the chunk median 103.5");
        assertEquals(1, out.dense("above_middle").getLong(2), "one of 99.9, 108 is above it");
        assertEquals(-1, out.dense("above_middle").getLong(1), "an empty cell gets the fill");
        assertEquals(1, out.dense("waveform").getLong(17), "101 m in bin 17 of the window [84, 148]");
        assertEquals(1, out.dense("waveform").getLong(2 * 64 + 15), "99.9 m of cell 2 in bin 15");
    }
}
