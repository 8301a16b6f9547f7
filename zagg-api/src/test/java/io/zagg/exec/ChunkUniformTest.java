package io.zagg.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import org.junit.jupiter.api.Test;

/** zagg's collapse of a resolution: chunk field to one value per chunk, rule by rule. */
class ChunkUniformTest {

    private static final float NAN = Float.NaN;

    @Test
    void floatCellsThatAreNaNAreNotPopulated() {
        assertEquals(2, ChunkUniform.row("offset_h", Columns.of(NAN, NAN, 7f, NAN, 7f), 5));
    }

    @Test
    void withoutAPopulatedCellRowZeroIsTheValue() {
        assertEquals(0, ChunkUniform.row("offset_h", Columns.of(NAN, NAN, NAN), 3));
    }

    @Test
    void minusZeroEqualsZero() {
        assertEquals(0, ChunkUniform.row("offset_h", Columns.of(0f, -0f, 0f), 3));
    }

    @Test
    void everyIntegerCellIsPopulated() {
        Column ids = Columns.wrap(new int[] {0, 4, 4}, DType.INT32, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChunkUniform.row("n", ids, 3));
        assertEquals("resolution: chunk field 'n' is not chunk-uniform: the populated cells carry 2 distinct values; a"
                + " chunk-resolution field must reduce to one value per chunk (use resolution: cell for a per-cell field)", e.getMessage());
        assertEquals(0, ChunkUniform.row("n", Columns.wrap(new int[] {4, 4, 4}, DType.INT32, 1), 3));
    }

    @Test
    void theMessageCountsDistinctPopulatedValues() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChunkUniform.row("h_max", Columns.of(NAN, 1f, 2f, 1f, NAN, 3f), 6));
        assertEquals("resolution: chunk field 'h_max' is not chunk-uniform: the populated cells carry 3 distinct values; a"
                + " chunk-resolution field must reduce to one value per chunk (use resolution: cell for a per-cell field)", e.getMessage());
    }

    @Test
    void vectorCellsArePopulatedUnlessAllNaNAndCompareNaNEqual() {
        Column v = Columns.wrap(new float[] {NAN, NAN, 1f, NAN, 1f, NAN, NAN, NAN}, DType.FLOAT32, 2);
        assertEquals(1, ChunkUniform.row("anchors", v, 4));
        Column differs = Columns.wrap(new float[] {1f, NAN, 1f, 2f, NAN, NAN}, DType.FLOAT32, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChunkUniform.row("anchors", differs, 3));
        assertEquals("resolution: chunk field 'anchors' is not chunk-uniform: the populated cells carry 2 distinct values; a"
                + " chunk-resolution field must reduce to one value per chunk (use resolution: cell for a per-cell field)", e.getMessage());
    }

    @Test
    void raggedPayloadsMustBeEqualAndTheFirstIsTheValue() {
        Column values = Columns.wrap(new float[] {1f, 2f, 1f, 2f, 1f, 2f}, DType.FLOAT32, 2);
        assertEquals(0, ChunkUniform.payload("d", values, new long[] {0, 1, 2, 3}));
        assertEquals(-1, ChunkUniform.payload("d", Columns.wrap(new float[0], DType.FLOAT32, 2), new long[] {0}));
        Column other = Columns.wrap(new float[] {1f, 2f, 1f, 2f, 3f, 4f}, DType.FLOAT32, 2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ChunkUniform.payload("d", other, new long[] {0, 1, 3}));
        assertEquals("resolution: chunk ragged field 'd' is not chunk-uniform: the populated cells carry 2 distinct payloads; a"
                + " chunk-resolution field must reduce to one payload per chunk (use resolution: cell for a per-cell ragged field)",
                e.getMessage());
    }
}
