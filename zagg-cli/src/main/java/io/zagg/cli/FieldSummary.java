package io.zagg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.zagg.spi.DType;
import io.zagg.store.FillValue;
import io.zagg.store.JsonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;

/**
 * Count, min, max and mean of the elements of one array that hold a number other than the
 * array's fill value, added chunk by chunk. NaN is no number: it is skipped like the fill (so a
 * NaN-filled field counts its non-NaN cells, an integer field filled with 0 its non-zero cells).
 * An element is the fill when its bits are, as the writer decides which chunks are empty
 * ({@code -0.0} is not a fill of {@code 0.0}).
 *
 * <p>Float sums are compensated double sums (Neumaier's), so the mean of millions of cells does
 * not drift with their order; integer sums are exact (128 bits), so the mean is the exact mean
 * rounded to a double. {@code uint64} values are unsigned.
 */
final class FieldSummary {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private final DType dtype;
    private final int size;
    private final boolean unsigned64;
    private final long fillBits;
    private final long integerFill;

    private long count;
    private double floatMin = Double.POSITIVE_INFINITY;
    private double floatMax = Double.NEGATIVE_INFINITY;
    private double floatSum;
    private double floatCompensation;
    private long integerMin;
    private long integerMax;
    private long sumHigh;
    private long sumLow;

    FieldSummary(FillValue fill) {
        this.dtype = fill.dtype();
        this.size = dtype.byteSize();
        this.unsigned64 = dtype == DType.UINT64;
        this.fillBits = fill.bits();
        this.integerFill = integer(fillBits);
    }

    /** Adds every element of a little-endian buffer (position 0 to limit). */
    void add(ByteBuffer elements) {
        int n = elements.limit() / size;
        if (dtype == DType.FLOAT32) {
            for (int i = 0; i < n; i++) {
                int bits = elements.getInt(4 * i);
                addFloat(Float.intBitsToFloat(bits), bits == (int) fillBits);
            }
        } else if (dtype == DType.FLOAT64) {
            for (int i = 0; i < n; i++) {
                long bits = elements.getLong(8 * i);
                addFloat(Double.longBitsToDouble(bits), bits == fillBits);
            }
        } else {
            for (int i = 0; i < n; i++) {
                addInteger(integer(raw(elements, i)));
            }
        }
    }

    private void addFloat(double v, boolean isFill) {
        if (isFill || Double.isNaN(v)) {
            return;
        }
        count++;
        floatMin = Math.min(floatMin, v);
        floatMax = Math.max(floatMax, v);
        double sum = floatSum + v;
        if (Double.isFinite(sum)) {
            // the low-order bits the addition lost, from whichever operand is smaller
            floatCompensation += Math.abs(floatSum) >= Math.abs(v) ? (floatSum - sum) + v : (v - sum) + floatSum;
        }
        floatSum = sum;
    }

    private void addInteger(long v) {
        if (v == integerFill) {
            return;
        }
        if (count++ == 0) {
            integerMin = v;
            integerMax = v;
        } else if (unsigned64) {
            integerMin = Long.compareUnsigned(v, integerMin) < 0 ? v : integerMin;
            integerMax = Long.compareUnsigned(v, integerMax) > 0 ? v : integerMax;
        } else {
            integerMin = Math.min(integerMin, v);
            integerMax = Math.max(integerMax, v);
        }
        long low = sumLow + v;
        sumHigh += (Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0) + (v < 0 && !unsigned64 ? -1 : 0);
        sumLow = low;
    }

    private long raw(ByteBuffer elements, int i) {
        switch (size) {
            case 1: return elements.get(i);
            case 2: return elements.getShort(2 * i);
            case 4: return elements.getInt(4 * i);
            default: return elements.getLong(8 * i);
        }
    }

    /** The element's value as a long: sign-extended when signed, zero-extended when unsigned (uint64: its bits). */
    private long integer(long bits) {
        int width = size * 8;
        if (width == 64) {
            return bits;
        }
        return dtype.isSigned() ? (bits << (64 - width)) >> (64 - width) : bits & ((1L << width) - 1);
    }

    /** Elements holding a number other than the fill. */
    long count() {
        return count;
    }

    /** The smallest such number, or null when there is none. */
    JsonNode min() {
        return count == 0 ? null : dtype.isFloating() ? floating(floatMin) : integral(integerMin);
    }

    /** The largest such number, or null when there is none. */
    JsonNode max() {
        return count == 0 ? null : dtype.isFloating() ? floating(floatMax) : integral(integerMax);
    }

    /** Their mean as a double, or null when there is none. */
    JsonNode mean() {
        if (count == 0) {
            return null;
        }
        if (dtype.isFloating()) {
            return number((Double.isFinite(floatSum) ? floatSum + floatCompensation : floatSum) / count);
        }
        BigInteger sum = BigInteger.valueOf(sumHigh).multiply(TWO_TO_64).add(new BigInteger(Long.toUnsignedString(sumLow)));
        return number(new BigDecimal(sum).divide(BigDecimal.valueOf(count), MathContext.DECIMAL128).doubleValue());
    }

    /** A float32 value with float32's shortest digits, a float64 value with a double's. */
    private JsonNode floating(double v) {
        if (dtype == DType.FLOAT32 && !Double.isInfinite(v)) {
            return NODES.numberNode(new BigDecimal(JsonText.numpyStr((float) v)));
        }
        return number(v);
    }

    private JsonNode integral(long v) {
        return unsigned64 && v < 0 ? NODES.numberNode(new BigInteger(Long.toUnsignedString(v))) : NODES.numberNode(v);
    }

    /** A double as JSON: a number, or the string Zarr spells a non-finite fill with. */
    private static JsonNode number(double v) {
        if (Double.isNaN(v)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(v)) {
            return NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
        }
        return NODES.numberNode(v);
    }
}
