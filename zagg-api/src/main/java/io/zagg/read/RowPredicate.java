package io.zagg.read;

import io.zagg.spi.Column;
import java.util.Map;

/** A compiled expression filter: one keep flag per row of a beam's columns. */
@FunctionalInterface
public interface RowPredicate {

    /**
     * Evaluates the filter over the columns of one beam after the structured filters (the
     * layout's variables and broadcast segment variables, by column name).
     *
     * @return {@code rows} keep flags
     */
    boolean[] test(Map<String, Column> columns, int rows);
}
