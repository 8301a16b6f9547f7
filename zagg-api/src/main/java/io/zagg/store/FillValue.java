package io.zagg.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.zagg.spi.DType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The fill value of a Zarr array: what every element of a chunk that was never written reads
 * as, and the value that makes a chunk "empty" (not stored).
 *
 * <p>Held as the raw little-endian bits of one element, so a fill compares exactly. JSON follows
 * Zarr v3 and zarr-python: floats as numbers ({@code 0.0}) or the strings {@code "NaN"},
 * {@code "Infinity"}, {@code "-Infinity"}; integers as integers, {@code uint64} unsigned.
 */
public final class FillValue {

    private static final long CANONICAL_NAN32 = 0x7fc00000L;
    private static final long CANONICAL_NAN64 = 0x7ff8000000000000L;

    private final DType dtype;
    private final long bits;

    private FillValue(DType dtype, long bits) {
        this.dtype = dtype;
        this.bits = bits;
    }

    /** NaN (numpy's quiet NaN bits) of a float type. */
    public static FillValue nan(DType dtype) {
        requireFloating(dtype, "NaN");
        return new FillValue(dtype, dtype == DType.FLOAT32 ? CANONICAL_NAN32 : CANONICAL_NAN64);
    }

    /** Zero of any type ({@code 0} / {@code 0.0}). */
    public static FillValue zero(DType dtype) {
        return new FillValue(Objects.requireNonNull(dtype, "dtype"), 0L);
    }

    /**
     * A number as a fill of {@code dtype}: any double for float types (float32 rounds to
     * nearest), an integral value within the type's range for integer types.
     *
     * @throws IllegalArgumentException naming the value and type when it does not fit
     */
    public static FillValue of(DType dtype, double value) {
        Objects.requireNonNull(dtype, "dtype");
        if (dtype.isFloating()) {
            if (Double.isNaN(value)) {
                return nan(dtype);
            }
            return new FillValue(dtype, dtype == DType.FLOAT32
                    ? Float.floatToRawIntBits((float) value) & 0xffffffffL
                    : Double.doubleToRawLongBits(value));
        }
        if (Double.isNaN(value) || Double.isInfinite(value) || value != Math.rint(value)) {
            throw new IllegalArgumentException("fill value " + value + " is not an integer, as " + dtype.numpyName() + " needs");
        }
        return ofInteger(dtype, new BigDecimal(value).toBigIntegerExact(), Double.toString(value));
    }

    /**
     * The raw bits of one element as a chunk holds them (the low {@code byteSize} bytes of
     * {@code bits}); a {@code uint64} word above 2^63 is a negative long.
     */
    public static FillValue ofBits(DType dtype, long bits) {
        Objects.requireNonNull(dtype, "dtype");
        int width = dtype.byteSize() * 8;
        long masked = width == 64 ? bits : bits & ((1L << width) - 1);
        return new FillValue(dtype, masked);
    }

    /**
     * Parses a fill as zagg configs and Zarr metadata spell it: {@code "NaN"},
     * {@code "Infinity"}, {@code "-Infinity"}, a decimal integer (unsigned up to 2^64-1 for
     * {@code uint64}) or a decimal number.
     *
     * @throws IllegalArgumentException naming the text and type when it is not a valid fill
     */
    public static FillValue parse(DType dtype, String text) {
        Objects.requireNonNull(dtype, "dtype");
        String t = text.trim();
        switch (t) {
            case "NaN":
            case "nan":
                return nan(dtype);
            case "Infinity":
            case "inf":
                requireFloating(dtype, t);
                return of(dtype, Double.POSITIVE_INFINITY);
            case "-Infinity":
            case "-inf":
                requireFloating(dtype, t);
                return of(dtype, Double.NEGATIVE_INFINITY);
            default:
                break;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fill value '" + text + "' is not a number, NaN, Infinity or -Infinity", e);
        }
        if (dtype.isFloating()) {
            return of(dtype, number.doubleValue());
        }
        BigInteger integer;
        try {
            integer = number.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("fill value '" + text + "' is not an integer, as " + dtype.numpyName() + " needs", e);
        }
        return ofInteger(dtype, integer, text);
    }

    /** The fill a Zarr {@code fill_value} JSON holds, for an array of {@code dtype}. */
    static FillValue fromJson(DType dtype, JsonNode json, String where) {
        if (json == null || !(json.isNumber() || json.isTextual())) {
            throw new IllegalArgumentException(where + ": fill_value " + json + " is not a number or a NaN/Infinity string");
        }
        return parse(dtype, json.asText());
    }

    private static FillValue ofInteger(DType dtype, BigInteger value, String text) {
        int width = dtype.byteSize() * 8;
        BigInteger min = dtype.isSigned() ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
        BigInteger max = dtype.isSigned() ? BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("fill value " + text + " is outside " + dtype.numpyName() + "'s range " + min + ".." + max);
        }
        return ofBits(dtype, value.longValue());
    }

    private static void requireFloating(DType dtype, String what) {
        if (!Objects.requireNonNull(dtype, "dtype").isFloating()) {
            throw new IllegalArgumentException("fill value " + what + " needs a float type, not " + dtype.numpyName());
        }
    }

    public DType dtype() {
        return dtype;
    }

    /** The raw bits of one element (low {@code byteSize} bytes). */
    public long bits() {
        return bits;
    }

    public boolean isNaN() {
        return dtype == DType.FLOAT32 ? Float.isNaN(Float.intBitsToFloat((int) bits))
                : dtype == DType.FLOAT64 && Double.isNaN(Double.longBitsToDouble(bits));
    }

    /** The Zarr v3 {@code fill_value} JSON. */
    public JsonNode toJson() {
        if (dtype.isFloating()) {
            double v = dtype == DType.FLOAT32 ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
            if (Double.isNaN(v)) {
                return JsonText.NODES.textNode("NaN");
            }
            if (Double.isInfinite(v)) {
                return JsonText.NODES.textNode(v > 0 ? "Infinity" : "-Infinity");
            }
            return JsonText.NODES.numberNode(v);
        }
        if (dtype == DType.UINT64) {
            return JsonText.NODES.numberNode(new BigInteger(Long.toUnsignedString(bits)));
        }
        int width = dtype.byteSize() * 8;
        long value = dtype.isSigned() && width < 64 ? (bits << (64 - width)) >> (64 - width) : bits;
        return JsonText.NODES.numberNode(value);
    }

    /** Writes {@code count} fill elements, little-endian, at the buffer's position. */
    void fill(ByteBuffer le, int count) {
        ByteBuffer out = le.order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count; i++) {
            switch (dtype.byteSize()) {
                case 1: out.put((byte) bits); break;
                case 2: out.putShort((short) bits); break;
                case 4: out.putInt((int) bits); break;
                default: out.putLong(bits);
            }
        }
    }

    /** A heap buffer of {@code count} fill elements, little-endian. */
    ByteBuffer filled(int count) {
        ByteBuffer out = ByteBuffer.allocate(Math.multiplyExact(count, dtype.byteSize()));
        if (bits != 0) {
            fill(out, count);
            out.flip();
        }
        return out;
    }

    /**
     * Whether every element of the little-endian bytes between position and limit equals this
     * fill, as zarr-python's {@code write_empty_chunks=False} decides: bit for bit, except that
     * any NaN matches a NaN fill. Does not move the buffer's position.
     */
    boolean fillsEverywhere(ByteBuffer le) {
        ByteBuffer in = le.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int start = in.position();
        int end = in.limit();
        if (isNaN()) {
            if (dtype == DType.FLOAT32) {
                for (int i = start; i < end; i += 4) {
                    if ((in.getInt(i) & 0x7fffffff) <= 0x7f800000) {
                        return false;
                    }
                }
            } else {
                for (int i = start; i < end; i += 8) {
                    if ((in.getLong(i) & 0x7fffffffffffffffL) <= 0x7ff0000000000000L) {
                        return false;
                    }
                }
            }
            return true;
        }
        long pattern = bits;
        for (int width = dtype.byteSize() * 8; width < 64; width *= 2) {
            pattern |= pattern << width;
        }
        int i = start;
        for (; i + 8 <= end; i += 8) {
            if (in.getLong(i) != pattern) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (in.get(i) != (byte) (pattern >>> (8 * ((i - start) & 7)))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FillValue && ((FillValue) o).dtype == dtype && ((FillValue) o).bits == bits;
    }

    @Override
    public int hashCode() {
        return dtype.hashCode() * 31 + Long.hashCode(bits);
    }

    /** The JSON spelling, e.g. {@code "NaN"}, {@code 0}, {@code -9999.0}. */
    @Override
    public String toString() {
        return JsonText.write(toJson());
    }
}
