package io.zagg.config;

import io.zagg.spi.DType;
import java.util.Locale;

/**
 * The numpy dtypes an expression value can have: the column dtypes plus {@code bool}, which
 * comparisons and {@code & | ~} produce.
 */
enum NumType {
    BOOL(1, Kind.BOOL),
    INT8(1, Kind.SIGNED),
    INT16(2, Kind.SIGNED),
    INT32(4, Kind.SIGNED),
    INT64(8, Kind.SIGNED),
    UINT8(1, Kind.UNSIGNED),
    UINT16(2, Kind.UNSIGNED),
    UINT32(4, Kind.UNSIGNED),
    UINT64(8, Kind.UNSIGNED),
    FLOAT32(4, Kind.FLOAT),
    FLOAT64(8, Kind.FLOAT);

    enum Kind { BOOL, SIGNED, UNSIGNED, FLOAT }

    private final int bytes;
    private final Kind kind;

    NumType(int bytes, Kind kind) {
        this.bytes = bytes;
        this.kind = kind;
    }

    int bytes() {
        return bytes;
    }

    boolean isFloat() {
        return kind == Kind.FLOAT;
    }

    /** Signed or unsigned integer (not bool). */
    boolean isInteger() {
        return kind == Kind.SIGNED || kind == Kind.UNSIGNED;
    }

    boolean isUnsigned() {
        return kind == Kind.UNSIGNED;
    }

    boolean isBool() {
        return kind == Kind.BOOL;
    }

    String numpyName() {
        return this == BOOL ? "bool" : name().toLowerCase(Locale.ROOT);
    }

    /** The column dtype of this type; {@code bool} has none and is stored as {@code uint8} 0/1. */
    DType dtype() {
        return this == BOOL ? DType.UINT8 : DType.valueOf(name());
    }

    static NumType of(DType dtype) {
        return valueOf(dtype.name());
    }

    /**
     * A dtype name as numpy accepts it in {@code astype(...)}: {@code 'uint32'}, {@code 'f4'},
     * {@code 'bool'}.
     *
     * @throws IllegalArgumentException for any other text
     */
    static NumType parse(String text) {
        String t = text.trim();
        if (t.equals("bool") || t.equals("?") || t.equals("bool_")) {
            return BOOL;
        }
        return of(DType.parse(t));
    }

    static NumType signedOfBytes(int bytes) {
        switch (bytes) {
            case 1: return INT8;
            case 2: return INT16;
            case 4: return INT32;
            default: return INT64;
        }
    }

    /** Reduces a long to this integer type's width, as numpy's integer arithmetic wraps. */
    long wrap(long v) {
        switch (this) {
            case INT8: return (byte) v;
            case INT16: return (short) v;
            case INT32: return (int) v;
            case UINT8: return v & 0xFFL;
            case UINT16: return v & 0xFFFFL;
            case UINT32: return v & 0xFFFF_FFFFL;
            case BOOL: return v != 0 ? 1 : 0;
            default: return v;
        }
    }

    /** Whether the mathematical integer {@code v} is representable in this integer type. */
    boolean holds(long v) {
        switch (this) {
            case UINT64: return v >= 0;
            case INT64: return true;
            default: return wrap(v) == v;
        }
    }
}
