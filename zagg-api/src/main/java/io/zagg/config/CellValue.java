package io.zagg.config;

import io.zagg.spi.Column;

/** The value an output field takes in one cell. */
public sealed interface CellValue {

    /**
     * A scalar field's value as Python's {@code float(out)} gives it; the writer casts it to the
     * field's dtype (round to nearest for a narrower float).
     */
    record ScalarValue(double value) implements CellValue {
    }

    /** A vector field's {@code trailing_shape} values (flattened, C order) in the field's dtype, one per row. */
    record VectorValue(Column values) implements CellValue {
    }

    /**
     * A ragged field's elements: one row per element, {@code width} = the product of
     * {@code inner_shape}, in the field's dtype. No rows for an empty cell.
     */
    record RaggedValue(Column rows) implements CellValue {
    }
}
