package io.zagg.config;

import io.zagg.spi.Column;
import io.zagg.spi.DType;

/** A {@code params} value resolved for one cell (or one chunk), as a reducer receives it. */
public sealed interface ParamValue {

    /** A literal from the YAML: a {@link Long}, {@link Double}, {@link Boolean}, {@link String}, list or map (or null). */
    record Literal(Object value) implements ParamValue {
    }

    /** A number computed by a param expression or taken from a chunk value. */
    record Number(double value, DType dtype) implements ParamValue {
    }

    /**
     * Per-row values: a column named by the param (read in place) or computed by a param
     * expression such as {@code "1.0 / s_li**2"}; rows {@code [start, end)} line up with the
     * cell's source rows. A boolean result arrives as a uint8 column of 0/1.
     */
    record Rows(Column column, long start, long end) implements ParamValue {
    }
}
