package io.zagg.spi;

import java.util.Locale;

/**
 * The element types a column can hold, named as numpy and Zarr v3 name them.
 *
 * <p>Unsigned types are stored in the signed Java type of the same width (raw bits): a
 * {@code UINT64} morton word above 2^63 is a negative {@code long}; compare and print it with
 * {@link Long#compareUnsigned} and {@link Long#toUnsignedString}.
 */
public enum DType {
    INT8(1, false, true),
    INT16(2, false, true),
    INT32(4, false, true),
    INT64(8, false, true),
    UINT8(1, false, false),
    UINT16(2, false, false),
    UINT32(4, false, false),
    UINT64(8, false, false),
    FLOAT32(4, true, true),
    FLOAT64(8, true, true);

    private final int byteSize;
    private final boolean floating;
    private final boolean signed;

    DType(int byteSize, boolean floating, boolean signed) {
        this.byteSize = byteSize;
        this.floating = floating;
        this.signed = signed;
    }

    /** Bytes of one element. */
    public int byteSize() {
        return byteSize;
    }

    public boolean isFloating() {
        return floating;
    }

    public boolean isSigned() {
        return signed;
    }

    /** The numpy / Zarr v3 {@code data_type} name, e.g. {@code "float32"}, {@code "uint64"}. */
    public String numpyName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a numpy dtype name as written in zagg configs ({@code float32}, {@code uint64},
     * {@code f4}, {@code <f4}, {@code np.float32}).
     *
     * @throws IllegalArgumentException naming the text when it is not a supported dtype
     */
    public static DType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("np.")) {
            t = t.substring(3);
        } else if (t.startsWith("numpy.")) {
            t = t.substring(6);
        }
        if (t.startsWith("<") || t.startsWith("=") || t.startsWith("|")) {
            t = t.substring(1);
        }
        switch (t) {
            case "i1": return INT8;
            case "i2": return INT16;
            case "i4": return INT32;
            case "i8": return INT64;
            case "u1": return UINT8;
            case "u2": return UINT16;
            case "u4": return UINT32;
            case "u8": return UINT64;
            case "f4": return FLOAT32;
            case "f8": return FLOAT64;
            default:
                for (DType d : values()) {
                    if (d.numpyName().equals(t)) {
                        return d;
                    }
                }
                throw new IllegalArgumentException("dtype '" + text + "' is not one of int8..int64, uint8..uint64, float32, float64");
        }
    }
}
