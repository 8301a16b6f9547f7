package io.zagg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import io.zagg.spi.DType;
import io.zagg.store.FillValue;
import io.zagg.store.JsonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Count, min, max and mean of the non-fill numbers of every element type, against sums done here in BigDecimal. */
class FieldSummaryTest {

    private static final DType[] INTEGERS = {DType.INT8, DType.INT16, DType.INT32, DType.INT64, DType.UINT8, DType.UINT16, DType.UINT32, DType.UINT64};

    @Test
    void integerSummariesAreExact() {
        qt().forAll(longs().all(), integers().between(0, INTEGERS.length - 1)).checkAssert((seed, type) -> {
            SplittableRandom random = new SplittableRandom(seed);
            DType dtype = INTEGERS[type];
            int width = dtype.byteSize() * 8;
            FillValue fill = random.nextBoolean() ? FillValue.zero(dtype) : FillValue.ofBits(dtype, random.nextLong());
            FieldSummary summary = new FieldSummary(fill);
            BigInteger fillValue = value(dtype, fill.bits());
            BigInteger min = null;
            BigInteger max = null;
            BigInteger sum = BigInteger.ZERO;
            long count = 0;
            for (int chunk = 0; chunk < 1 + random.nextInt(4); chunk++) {
                int n = random.nextInt(50);
                ByteBuffer elements = ByteBuffer.allocate(n * dtype.byteSize()).order(ByteOrder.LITTLE_ENDIAN);
                for (int i = 0; i < n; i++) {
                    // extremes of the type (so 64-bit sums overflow), the fill, and anything
                    long bits = switch (random.nextInt(4)) {
                        case 0 -> fill.bits();
                        case 1 -> random.nextBoolean() ? -1L : (1L << (width - 1)) - 1 + (random.nextBoolean() ? 1 : 0);
                        default -> random.nextLong();
                    };
                    put(elements, dtype, bits);
                    BigInteger v = value(dtype, bits);
                    if (!v.equals(fillValue)) {
                        count++;
                        sum = sum.add(v);
                        min = min == null || v.compareTo(min) < 0 ? v : min;
                        max = max == null || v.compareTo(max) > 0 ? v : max;
                    }
                }
                summary.add(elements.flip());
            }
            assertEquals(count, summary.count());
            if (count == 0) {
                assertNull(summary.min());
                assertNull(summary.mean());
                return;
            }
            assertEquals(min, summary.min().bigIntegerValue());
            assertEquals(max, summary.max().bigIntegerValue());
            assertEquals(new BigDecimal(sum).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue(), summary.mean().doubleValue());
        });
    }

    /** The element's value: signed or unsigned as the type says. */
    private static BigInteger value(DType dtype, long bits) {
        int width = dtype.byteSize() * 8;
        BigInteger raw = new BigInteger(Long.toUnsignedString(bits)).mod(BigInteger.ONE.shiftLeft(width));
        return dtype.isSigned() && raw.testBit(width - 1) ? raw.subtract(BigInteger.ONE.shiftLeft(width)) : raw;
    }

    private static void put(ByteBuffer out, DType dtype, long bits) {
        switch (dtype.byteSize()) {
            case 1 -> out.put((byte) bits);
            case 2 -> out.putShort((short) bits);
            case 4 -> out.putInt((int) bits);
            default -> out.putLong(bits);
        }
    }

    @Test
    void floatSummariesSkipNaNAndTheFillsBits() {
        FieldSummary summary = new FieldSummary(FillValue.of(DType.FLOAT64, 0.0));
        summary.add(doubles(0.0, -0.0, Double.NaN, 2.5, -1e300, 0.0));
        summary.add(doubles(1e300, 3.5));
        assertEquals(5, summary.count(), "0.0 is the fill, NaN is no number, -0.0 has other bits (the writer stores it too)");
        assertEquals("-1e+300", JsonText.write(summary.min()));
        assertEquals("1e+300", JsonText.write(summary.max()));
        assertEquals(1.2, summary.mean().doubleValue(), "compensated: the 2.5 survives -1e300 + 1e300 (a plain double sum gives 0.7)");
    }

    @Test
    void float32ExtremesKeepFloat32DigitsAndNonFiniteValuesAreStrings() {
        FieldSummary summary = new FieldSummary(FillValue.nan(DType.FLOAT32));
        ByteBuffer elements = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        elements.putFloat(0.1f).putFloat(Float.NaN).putFloat(Float.POSITIVE_INFINITY).putFloat(Float.NEGATIVE_INFINITY);
        summary.add(elements.flip());
        assertEquals(3, summary.count());
        assertEquals("\"-Infinity\"", summary.min().toString());
        assertEquals("\"Infinity\"", summary.max().toString());
        assertEquals("\"NaN\"", summary.mean().toString(), "inf - inf");

        FieldSummary small = new FieldSummary(FillValue.nan(DType.FLOAT32));
        small.add(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, 0.1f));
        JsonNode min = small.min();
        assertEquals("0.1", JsonText.write(min), "not the widened 0.10000000149011612");
        assertEquals("0.10000000149011612", JsonText.write(small.mean()), "the mean is a double");
    }

    private static ByteBuffer doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        return b;
    }
}
