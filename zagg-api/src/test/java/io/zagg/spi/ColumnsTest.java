package io.zagg.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ColumnsTest {

    @Test
    void unsignedElementsAreZeroExtended() {
        Column u8 = Columns.wrap(new byte[] {(byte) 0xFF, 1}, DType.UINT8, 1);
        Column u32 = Columns.wrap(new int[] {-1}, DType.UINT32, 1);
        Column u64 = Columns.wrap(new long[] {-1L}, DType.UINT64, 1);
        assertEquals(255L, u8.getLong(0));
        assertEquals(4294967295L, u32.getLong(0));
        assertEquals(-1L, u64.getLong(0), "uint64 keeps its raw bits");
        assertEquals(1.8446744073709552E19, u64.getDouble(0));
    }

    @Test
    void widthSplitsRowsAndIndexesFlat() {
        Column conf = Columns.wrap(new byte[] {4, -2, 0, 0, 0, 3, 1, 1, 1, 1}, DType.INT8, 5);
        assertEquals(2, conf.rows());
        assertEquals(3L, conf.getLong(5));
        assertEquals(-2L, conf.getLong(1));
    }

    @Test
    void arrayIsAdoptedNotCopied() {
        float[] a = {1f, 2f};
        MutableColumn c = Columns.wrap(a, DType.FLOAT32, 1);
        c.setDouble(1, 0.1);
        assertEquals(0.1f, a[1]);
        assertSame(a, Columns.arrayOf(c));
    }

    @Test
    void mismatchedArrayAndDtypeIsRejectedWithBothNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Columns.wrap(new float[2], DType.INT32, 1));
        assertEquals("a float[] cannot hold int32", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Columns.wrap(new byte[7], DType.INT8, 5));
    }

    @Test
    void dtypeParsesNumpySpellings() {
        assertEquals(DType.FLOAT32, DType.parse("np.float32"));
        assertEquals(DType.UINT64, DType.parse("<u8"));
        assertEquals(DType.INT32, DType.parse("int32"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DType.parse("complex64"));
        assertEquals("dtype 'complex64' is not one of int8..int64, uint8..uint64, float32, float64", e.getMessage());
    }
}
