package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.zagg.spi.DType;
import io.zagg.test.LittleEndian;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class FillValueTest {

    @Test
    void jsonSpellings() {
        assertEquals("\"NaN\"", FillValue.nan(DType.FLOAT32).toString());
        assertEquals("\"Infinity\"", FillValue.parse(DType.FLOAT64, "Infinity").toString());
        assertEquals("\"-Infinity\"", FillValue.of(DType.FLOAT32, Double.NEGATIVE_INFINITY).toString());
        assertEquals("0.0", FillValue.zero(DType.FLOAT32).toString());
        assertEquals("-9999.0", FillValue.parse(DType.FLOAT32, "-9999").toString());
        assertEquals("0.10000000149011612", FillValue.of(DType.FLOAT32, 0.1).toString(), "float32 widened, as zarr-python writes it");
        assertEquals("0", FillValue.zero(DType.UINT64).toString());
        assertEquals("18446744073709551615", FillValue.parse(DType.UINT64, "18446744073709551615").toString());
        assertEquals("18446744073709551615", FillValue.ofBits(DType.UINT64, -1L).toString());
        assertEquals("-128", FillValue.parse(DType.INT8, "-128").toString());
        assertEquals("255", FillValue.of(DType.UINT8, 255).toString());
        assertEquals("-1", FillValue.ofBits(DType.INT16, 0xffff).toString());
    }

    @Test
    void jsonReadsBack() {
        for (FillValue f : new FillValue[] {FillValue.nan(DType.FLOAT64), FillValue.of(DType.FLOAT32, -0.5), FillValue.ofBits(DType.UINT64, 0x8000000000000001L),
                FillValue.of(DType.INT32, -7), FillValue.of(DType.FLOAT64, Double.POSITIVE_INFINITY), FillValue.of(DType.FLOAT64, 1e-300)}) {
            assertEquals(f, FillValue.fromJson(f.dtype(), JsonText.parseObject(("{\"f\": " + f + "}").getBytes(), "t").get("f"), "t"));
        }
    }

    @Test
    void rangeAndKindAreChecked() {
        assertEquals("fill value 256 is outside uint8's range 0..255",
                assertThrows(IllegalArgumentException.class, () -> FillValue.parse(DType.UINT8, "256")).getMessage());
        assertEquals("fill value -1 is outside uint64's range 0..18446744073709551615",
                assertThrows(IllegalArgumentException.class, () -> FillValue.parse(DType.UINT64, "-1")).getMessage());
        assertEquals("fill value 1.5 is not an integer, as int32 needs",
                assertThrows(IllegalArgumentException.class, () -> FillValue.of(DType.INT32, 1.5)).getMessage());
        assertEquals("fill value NaN needs a float type, not int64",
                assertThrows(IllegalArgumentException.class, () -> FillValue.parse(DType.INT64, "NaN")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FillValue.parse(DType.FLOAT32, "abc")).getMessage()
                .startsWith("fill value 'abc' is not a number"));
    }

    @Test
    void nanFillMatchesEveryNaNButNothingElse() {
        FillValue nan = FillValue.nan(DType.FLOAT32);
        assertTrue(nan.fillsEverywhere(LittleEndian.floats(Float.NaN, Float.intBitsToFloat(0xffc00001), Float.intBitsToFloat(0x7f800001))));
        assertFalse(nan.fillsEverywhere(LittleEndian.floats(Float.NaN, Float.POSITIVE_INFINITY)));
        assertFalse(FillValue.zero(DType.FLOAT32).fillsEverywhere(LittleEndian.floats(0f, -0f)), "-0.0 is kept: bits differ from the 0.0 fill");
        assertTrue(FillValue.nan(DType.FLOAT64).fillsEverywhere(LittleEndian.doubles(Double.NaN, -Double.NaN)));
    }

    @Test
    void fillsEverywhereIsTrueExactlyForAllFillChunks() {
        DType[] types = {DType.INT8, DType.UINT16, DType.INT32, DType.UINT64, DType.FLOAT32, DType.FLOAT64};
        qt().forAll(integers().between(0, types.length - 1), integers().between(0, 40), integers().between(-1, 40), longs().all())
                .check((type, count, changeAt, bits) -> {
                    FillValue fill = FillValue.ofBits(types[type], bits);
                    ByteBuffer chunk = fill.filled(count);
                    boolean changed = changeAt >= 0 && changeAt < count;
                    if (changed) {
                        int at = changeAt * fill.dtype().byteSize();
                        chunk.put(at, (byte) (chunk.get(at) ^ 0x01));
                    }
                    boolean bothNaN = changed && fill.isNaN() && isNaNAt(chunk, fill.dtype(), changeAt);
                    return fill.fillsEverywhere(chunk) == (!changed || bothNaN);
                });
    }

    private static boolean isNaNAt(ByteBuffer chunk, DType dtype, int i) {
        ByteBuffer le = chunk.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return dtype == DType.FLOAT32 ? Float.isNaN(le.getFloat(4 * i)) : Double.isNaN(le.getDouble(8 * i));
    }
}
