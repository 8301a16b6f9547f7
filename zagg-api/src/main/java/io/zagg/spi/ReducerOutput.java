package io.zagg.spi;

/**
 * Where a {@link Reducer} writes its result for one cell. Which methods apply depends on the
 * output kind the aggregation declares: {@link #set(double)} for a scalar, {@link #set(int, double)}
 * for a fixed-length vector, {@link #add(double)} for ragged rows. A method that does not apply
 * throws {@link IllegalStateException}. Values are cast to the field's dtype; elements the reducer
 * does not set keep the field's fill value.
 */
public interface ReducerOutput {

    /** Elements per cell for a vector, elements per row for ragged output, 1 for a scalar. */
    int width();

    /** Sets a scalar result. */
    void set(double value);

    /** Sets element {@code k} (0 ≤ k < {@link #width()}) of a vector result. */
    void set(int k, double value);

    /**
     * Appends one element of a ragged result; every {@link #width()} elements form one row.
     * A cell that adds no element is absent from the ragged field; one that ends with a partial
     * row fails the shard.
     */
    void add(double value);
}
