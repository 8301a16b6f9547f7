package io.zagg.spi;

/**
 * The common case of a {@link Reducer}: one source column in, one number out.
 * {@code values} is a view of the cell's rows of the source column (valid only during the call).
 * The result is cast to the field's dtype the way numpy's assignment casts a Python float.
 */
@FunctionalInterface
public interface ScalarReducer {

    double reduce(Column values);
}
