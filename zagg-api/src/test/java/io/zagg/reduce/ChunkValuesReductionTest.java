package io.zagg.reduce;

import static io.zagg.Aggregations.chunkValue;
import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.reduce;
import static io.zagg.Aggregations.waveform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.zagg.Aggregation;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.test.GainBiasFormulas;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Chunk stages through {@link ShardReduction}: zagg's gain/bias waveform and its companions over
 * chunks of a few cells, against values computed here step by step from the config's formulas.
 */
class ChunkValuesReductionTest {

    private static final int BINS = 128;
    private static final int BELOW = 27;

    /** The waveform's two chunk values, as {@code Aggregations.waveform("h", "dem", 128)} computes them. */
    private static final List<ChunkStage> GAIN_BIAS = List.of(
            new ScalarChunkStage("chunk_gain", "h", c -> GainBias.gain(c, BINS, 0.5), DType.FLOAT32),
            new ScalarChunkStage("chunk_offset", "dem", GainBias::offset, DType.FLOAT32));

    private static final List<Aggregation> FIELDS = List.of(count(), waveform("h", "dem", BINS).counts(),
            chunkValue("chunk_offset").as("offset_h").perChunk(), chunkValue("chunk_gain").as("gain_h"));

    private static ShardOutput run(float[] h, float[] dem, CellRuns runs) {
        return new ShardReduction(FIELDS, GAIN_BIAS).reduce(Map.of("h", Columns.of(h), "dem", Columns.of(dem)), runs);
    }

    private static long[] waveformOf(ShardOutput out, int cell) {
        long[] w = new long[BINS];
        for (int b = 0; b < BINS; b++) {
            w[b] = out.dense("waveform_counts").getLong((long) cell * BINS + b);
        }
        return w;
    }

    @Test
    void aSinglePhotonChunkFloorsTheGainAtHalfAMetre() {
        float[] h = {123.4f};
        float[] dem = {120.7f};
        ShardOutput out = run(h, dem, new CellRuns(new long[] {0, 1}, new int[] {2}, 4));
        assertEquals(0.5f, out.dense("gain_h").getFloat(2));
        assertEquals(120f, out.dense("offset_h").getFloat(2));
        long[] expected = new long[BINS];
        expected[33] = 1; // (123.4 - (120 - 27 * 0.5)) / 0.5 = 33.8
        assertArrayEquals(expected, waveformOf(out, 2));
    }

    @Test
    void anEmptyChunkGetsNaNAnchorsAndFilledCellsWithoutFailing() {
        ShardOutput out = run(new float[0], new float[0], new CellRuns(new long[] {0}, new int[0], 4));
        for (int cell = 0; cell < 4; cell++) {
            assertTrue(Float.isNaN(out.dense("offset_h").getFloat(cell)), "offset of cell " + cell);
            assertTrue(Float.isNaN(out.dense("gain_h").getFloat(cell)), "gain of cell " + cell);
            assertEquals(0, out.dense("count").getLong(cell));
            assertArrayEquals(new long[BINS], waveformOf(out, cell));
        }
    }

    @Test
    void emptyCellsCarryTheChunkAnchorAndTheirWaveformsStayZero() {
        float[] h = {10f, 11.5f, 9f, 140f, 12f};
        float[] dem = {8.9f, 8.9f, 9.2f, 9.2f, 9.3f};
        // cells 1 (rows 0..2) and 3 (rows 3..4) of 5
        ShardOutput out = run(h, dem, new CellRuns(new long[] {0, 3, 5}, new int[] {1, 3}, 5));
        float gain = GainBiasFormulas.gain(h);
        float offset = GainBiasFormulas.offset(dem);
        assertEquals(2f, gain, "a 131 m range needs 2 m bins");
        assertEquals(8f, offset);
        for (int cell = 0; cell < 5; cell++) {
            assertEquals(offset, out.dense("offset_h").getFloat(cell), "offset of cell " + cell);
            assertEquals(gain, out.dense("gain_h").getFloat(cell), "gain of cell " + cell);
        }
        for (int cell : new int[] {0, 2, 4}) {
            assertArrayEquals(new long[BINS], waveformOf(out, cell));
        }
        assertArrayEquals(GainBiasFormulas.waveform(h, 0, 3, gain, offset), waveformOf(out, 1));
        assertArrayEquals(GainBiasFormulas.waveform(h, 3, 5, gain, offset), waveformOf(out, 3));
        assertEquals(3, Arrays.stream(waveformOf(out, 1)).sum());
        assertEquals(2, Arrays.stream(waveformOf(out, 3)).sum(), "140 m is just inside the 101 bins above the anchor");
    }

    @Test
    void waveformsOfRandomChunksMatchTheConfigFormulas() {
        qt().withExamples(300).forAll(longs().all(), integers().between(1, 400), integers().between(1, 6)).checkAssert((seed, rows, cells) -> {
            SplittableRandom random = new SplittableRandom(seed);
            double spread = Math.pow(10, random.nextDouble(-3, 3.5));
            float base = (float) random.nextDouble(-500, 3000);
            float[] h = new float[rows];
            float[] dem = new float[rows];
            for (int i = 0; i < rows; i++) {
                h[i] = base + (float) random.nextDouble(-spread / 4, spread);
                dem[i] = base + (float) random.nextDouble(-2, 2);
            }
            long[] starts = new long[cells + 1];
            int[] ids = new int[cells];
            for (int c = 1; c < cells; c++) {
                starts[c] = Math.max(starts[c - 1], random.nextInt(rows + 1));
            }
            Arrays.sort(starts, 1, cells);
            starts[cells] = rows;
            for (int c = 0; c < cells; c++) {
                ids[c] = 2 * c;
            }
            ShardOutput out = run(h, dem, new CellRuns(starts, ids, 2 * cells));
            float gain = GainBiasFormulas.gain(h);
            float offset = GainBiasFormulas.offset(dem);
            String label = "seed " + seed + ", " + rows + " rows, spread " + spread;
            assertEquals(gain, out.dense("gain_h").getFloat(1), label);
            assertEquals(offset, out.dense("offset_h").getFloat(1), label);
            for (int c = 0; c < cells; c++) {
                assertArrayEquals(GainBiasFormulas.waveform(h, (int) starts[c], (int) starts[c + 1], gain, offset), waveformOf(out, 2 * c),
                        label + ", cell " + 2 * c);
            }
        });
    }

    @Test
    void float64ValuesAreBinnedOverTheFloat32Window() {
        double[] h = {100.25, 100.2500001, 163.9999999, 164.0, 36.0, 35.99};
        float[] dem = {50.5f, 51f, 52f, 53f, 54f, 55f};
        List<ChunkStage> stages = List.of(new ScalarChunkStage("chunk_gain", "h", c -> 1.0, DType.FLOAT32),
                new ScalarChunkStage("chunk_offset", "dem", GainBias::offset, DType.FLOAT32));
        Aggregation counts = waveform("h", "dem", 128).counts();
        ShardOutput out = new ShardReduction(List.of(counts), stages).reduce(Map.of("h", Columns.of(h), "dem", Columns.of(dem)),
                new CellRuns(new long[] {0, 6}, new int[] {0}, 1));
        // window [50 - 27, 50 + 101] = [23, 151]: 164 and 163.99 are above it, 35.99 in bin 12, 36 in bin 13
        long[] expected = new long[BINS];
        expected[12] = 1;
        expected[13] = 1;
        expected[77] = 2;
        for (int b = 0; b < BINS; b++) {
            assertEquals(expected[b], out.dense("waveform_counts").getLong(b), "bin " + b);
        }
    }

    @Test
    void aNaNHeightGivesANaNGainAndTheWaveformFailsNamingTheField() {
        float[] h = {1f, Float.NaN};
        float[] dem = {0f, 0f};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> run(h, dem, new CellRuns(new long[] {0, 2}, new int[] {0}, 1)));
        assertEquals("waveform 'waveform_counts': chunk gain NaN and offset 0.0 give no window: histogram range [NaN, NaN]"
                + " is not finite", e.getMessage());
    }

    @Test
    void aReducerReadsChunkValuesByName() {
        Aggregation above = reduce("above_gain", List.of("h"), (cell, out) -> {
            double gain = cell.chunkValue("chunk_gain");
            int n = 0;
            for (long i = 0; i < cell.rows(); i++) {
                n += cell.column(0).getDouble(i) > gain ? 1 : 0;
            }
            out.set(n);
        });
        float[] h = {0.1f, 0.2f, 0.9f, 0.7f};
        ShardOutput out = new ShardReduction(List.of(above), GAIN_BIAS)
                .reduce(Map.of("h", Columns.of(h), "dem", Columns.of(new float[4])), new CellRuns(new long[] {0, 2, 4}, new int[] {0, 1}, 2));
        assertEquals(0f, out.dense("above_gain").getFloat(0), "0.1 and 0.2 are not above the 0.5 gain");
        assertEquals(2f, out.dense("above_gain").getFloat(1));
        Aggregation unknown = reduce("x", List.of("h"), (cell, out2) -> out2.set(cell.chunkValue("chunk_median")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ShardReduction(List.of(unknown), GAIN_BIAS)
                .reduce(Map.of("h", Columns.of(h), "dem", Columns.of(new float[4])), new CellRuns(new long[] {0, 4}, new int[] {0}, 1)));
        assertEquals("reducer of field 'x' failed on output cell 0: no chunk value named 'chunk_median' (chunk values: chunk_gain,"
                + " chunk_offset)", e.getMessage());
    }

    @Test
    void fieldsReadingChunkValuesNoStageComputesAreRejected() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> new ShardReduction(FIELDS, List.of()));
        assertEquals("field 'waveform_counts' reads chunk value 'chunk_gain', which no chunk precompute provides (chunk values: none)",
                missing.getMessage());
        List<ChunkStage> twice = new ArrayList<>(GAIN_BIAS);
        twice.add(new ScalarChunkStage("chunk_gain", "h", c -> 1.0, DType.FLOAT64));
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class, () -> new ShardReduction(FIELDS, twice));
        assertTrue(duplicate.getMessage().startsWith("chunk value 'chunk_gain' is computed twice: by chunk value chunk_gain = reduce(h)"
                + " float32 and by chunk value chunk_gain = reduce(h) float64"), duplicate.getMessage());
        IllegalArgumentException integer = assertThrows(IllegalArgumentException.class,
                () -> new ScalarChunkStage("n", "h", Column::rows, DType.INT32));
        assertEquals("chunk value 'n' has dtype int32; it must be float32 or float64, since a chunk without rows gets NaN",
                integer.getMessage());
    }
}
