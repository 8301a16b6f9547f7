package io.zagg.spi;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What the reader hands to a carrier for one (granule, beam) read: named, decoded, equally long
 * columns, typically {@link Columns#wrap heap columns} over the arrays the HDF5 decoder produced.
 *
 * <p>Handing a batch over transfers its arrays: a carrier may adopt them instead of copying
 * (PLAIN does), so the reader must not touch them afterwards.
 *
 * <p>A column may come with a validity mask (bit {@code i} set ⇔ row {@code i} holds a value, the
 * order of an Arrow validity bitmap; {@code BitSet.valueOf(bitmapBytes)} reads one). HDF5 has no
 * nulls and zagg's kernels have no null semantics, so {@link Carrier#load(InputBatch)} rejects a
 * batch in which any mask marks a row null — zagg's "null guard". A mask with every row valid is
 * accepted and dropped.
 */
public final class InputBatch {

    private final String source;
    private final long rows;
    private final Map<String, Column> columns;
    private final Map<String, BitSet> validity;

    private InputBatch(Builder b) {
        this.source = b.source;
        this.rows = b.rows;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(b.columns));
        this.validity = Collections.unmodifiableMap(new LinkedHashMap<>(b.validity));
    }

    /**
     * Starts a batch read from {@code source}, which names it in error messages
     * (e.g. {@code "ATL03_20181014000347_02350101_006_02.h5 /gt1l"}).
     */
    public static Builder builder(String source) {
        return new Builder(source);
    }

    public String source() {
        return source;
    }

    public long rows() {
        return rows;
    }

    /** Column names in the order they were added. */
    public List<String> names() {
        return List.copyOf(columns.keySet());
    }

    public Column column(String name) {
        Column c = columns.get(name);
        if (c == null) {
            throw new IllegalArgumentException("input batch " + source + " has no column '" + name + "'; it has " + columns.keySet());
        }
        return c;
    }

    /** Rows a column's validity mask marks null (0 without a mask). */
    public long nullCount(String name) {
        column(name);
        BitSet mask = validity.get(name);
        return mask == null ? 0 : rows - mask.get(0, (int) rows).cardinality();
    }

    /** Bytes of all columns' values: the shard's decoded input that memory accounting compares against. */
    public long valueBytes() {
        long sum = 0;
        for (Column c : columns.values()) {
            sum += c.valueBytes();
        }
        return sum;
    }

    /**
     * The null guard: throws unless every column is null-free.
     *
     * @param carrier the carrier's name, for the message
     * @throws IllegalArgumentException naming the source, the columns with nulls and their counts
     */
    public void requireNullFree(String carrier) {
        List<String> withNulls = new ArrayList<>();
        for (String name : columns.keySet()) {
            long nulls = nullCount(name);
            if (nulls > 0) {
                withNulls.add(name + " (" + nulls + " of " + rows + " rows)");
            }
        }
        if (!withNulls.isEmpty()) {
            throw new IllegalArgumentException("carrier '" + carrier + "' requires null-free columns (HDF5 has no nulls"
                    + " and the kernels have no null semantics); " + source + " has nulls in " + withNulls);
        }
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", source + ": " + rows + " rows [", "]");
        columns.forEach((name, c) -> j.add(name + " " + Columns.describe(c)));
        return j.toString();
    }

    /** Collects the columns of one read; {@link #build()} checks they are equally long. */
    public static final class Builder {

        private final String source;
        private final Map<String, Column> columns = new LinkedHashMap<>();
        private final Map<String, BitSet> validity = new LinkedHashMap<>();
        private long rows = -1;

        private Builder(String source) {
            Objects.requireNonNull(source, "source");
            if (source.isBlank()) {
                throw new IllegalArgumentException("input batch source must not be blank");
            }
            this.source = source;
        }

        /** Adds a null-free column. */
        public Builder column(String name, Column values) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
            if (name.isBlank()) {
                throw new IllegalArgumentException("input batch " + source + ": column name must not be blank");
            }
            if (columns.containsKey(name)) {
                throw new IllegalArgumentException("input batch " + source + " already has a column '" + name + "'");
            }
            if (rows >= 0 && values.rows() != rows) {
                throw new IllegalArgumentException("input batch " + source + ": column '" + name + "' has " + values.rows()
                        + " rows but the batch has " + rows);
            }
            rows = values.rows();
            columns.put(name, values);
            return this;
        }

        /** Adds a column with a validity mask (bit {@code i} set ⇔ row {@code i} is valid). */
        public Builder column(String name, Column values, BitSet valid) {
            Objects.requireNonNull(valid, "validity");
            column(name, values);
            if (values.rows() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("input batch " + source + ": a validity mask covers at most "
                        + Integer.MAX_VALUE + " rows; column '" + name + "' has " + values.rows());
            }
            validity.put(name, (BitSet) valid.clone());
            return this;
        }

        public InputBatch build() {
            if (columns.isEmpty()) {
                throw new IllegalArgumentException("input batch " + source + " has no columns");
            }
            return new InputBatch(this);
        }
    }
}
