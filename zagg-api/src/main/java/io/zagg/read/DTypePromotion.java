package io.zagg.read;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.util.Optional;

/**
 * The one rule for a column whose dtype differs between granules (or beams): safe widening
 * only. Integers widen to wider integers of either signedness that hold every value, integers
 * of up to 16 bits to float32, of up to 32 bits to float64, and float32 to float64; anything
 * else (int64 with a float, uint64 with a signed integer) has no common type and is an error
 * naming the granule and the dataset. Every carrier's concat stage applies this rule.
 */
public final class DTypePromotion {

    private DTypePromotion() {
    }

    /** The narrowest dtype both widen to without loss, if there is one. */
    public static Optional<DType> common(DType a, DType b) {
        if (a == b) {
            return Optional.of(a);
        }
        if (a.isFloating() && b.isFloating()) {
            return Optional.of(DType.FLOAT64);
        }
        if (a.isFloating() || b.isFloating()) {
            DType integer = a.isFloating() ? b : a;
            DType floating = a.isFloating() ? a : b;
            if (integer.byteSize() <= 2) {
                return Optional.of(floating);
            }
            return integer.byteSize() == 4 ? Optional.of(DType.FLOAT64) : Optional.empty();
        }
        if (a.isSigned() == b.isSigned()) {
            return Optional.of(a.byteSize() >= b.byteSize() ? a : b);
        }
        DType signed = a.isSigned() ? a : b;
        DType unsigned = a.isSigned() ? b : a;
        if (signed.byteSize() > unsigned.byteSize()) {
            return Optional.of(signed);
        }
        switch (unsigned.byteSize()) {
            case 1: return Optional.of(DType.INT16);
            case 2: return Optional.of(DType.INT32);
            case 4: return Optional.of(DType.INT64);
            default: return Optional.empty();
        }
    }

    /**
     * The dtype of a column after adding a granule whose dataset has dtype {@code next}.
     *
     * @throws IllegalArgumentException naming {@code granule} and {@code dataset} when the two
     *         dtypes have no safe common type
     */
    public static DType promote(DType current, DType next, String granule, String dataset) {
        return common(current, next).orElseThrow(() -> new IllegalArgumentException("granule " + granule + ", dataset " + dataset + ": "
                + next.numpyName() + " cannot be combined with " + current.numpyName() + " from the granules before it without loss"
                + " (only safe widening: integers to wider integers, integers of up to 16 bits to float32, of up to 32 bits to float64,"
                + " float32 to float64)"));
    }

    /**
     * A copy of {@code column} in the wider dtype {@code target} (the column itself when it
     * already has it).
     *
     * @throws IllegalArgumentException when {@code target} is not a safe widening of the column's dtype
     */
    public static Column widen(Column column, DType target) {
        if (column.dtype() == target) {
            return column;
        }
        if (common(column.dtype(), target).orElse(null) != target) {
            throw new IllegalArgumentException(column.dtype().numpyName() + " does not widen safely to " + target.numpyName());
        }
        long n = column.rows() * column.width();
        MutableColumn out = Columns.allocate(target, Math.toIntExact(column.rows()), column.width());
        for (long i = 0; i < n; i++) {
            if (target.isFloating()) {
                out.setDouble(i, column.getDouble(i));
            } else {
                out.setLong(i, column.getLong(i));
            }
        }
        return out;
    }
}
