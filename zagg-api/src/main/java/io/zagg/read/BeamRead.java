package io.zagg.read;

import io.zagg.spi.Column;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one beam of one granule contributed to a shard: its rows that fall in the shard and
 * pass the filters, in file order, as named columns — the layout's variables in declaration
 * order, then the broadcast segment variables (level by level), then {@code latitude} and
 * {@code longitude} (float64). Dtypes are the datasets' own. When the shard test is a
 * {@link KeyingSelector}, each row also carries its key ({@link #keys()}).
 */
public final class BeamRead {

    /** How the beam went. */
    public enum Status {
        /** Rows were read (at least one). */
        READ,
        /** The beam is there but none of its rows is in the shard after filtering. */
        EMPTY,
        /** The granule has no such beam (ATL03 subsets often carry one beam only); not an error. */
        ABSENT,
        /** The beam could not be read; see {@link #failure()}. */
        FAILED
    }

    /** Which rows were decoded. */
    public enum Access {
        /** Every base row's coordinates (no read plan, or the exact read). */
        FULL,
        /** Only the base rows of the read plan's segment runs. */
        PLANNED,
        /** The plan covered more than its full-read threshold, so every row was read. */
        PLAN_FELL_BACK_TO_FULL,
        /** Nothing was decoded (absent or failed beam). */
        NONE
    }

    private final String beam;
    private final Status status;
    private final Access access;
    private final Map<String, Column> columns;
    private final Map<String, String> sources;
    private final Column keys;
    private final int rows;
    private final long invalidCoordinates;
    private final long rowsRead;
    private final ReadFailure failure;

    private BeamRead(String beam, Status status, Access access, Map<String, Column> columns, Map<String, String> sources, Column keys,
            int rows, long invalidCoordinates, long rowsRead, ReadFailure failure) {
        this.beam = beam;
        this.status = status;
        this.access = access;
        this.columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.keys = keys;
        this.rows = rows;
        this.invalidCoordinates = invalidCoordinates;
        this.rowsRead = rowsRead;
        this.failure = failure;
    }

    static BeamRead read(String beam, Access access, Map<String, Column> columns, Map<String, String> sources, Column keys, int rows,
            long invalid, long rowsRead) {
        return new BeamRead(beam, Status.READ, access, columns, sources, keys, rows, invalid, rowsRead, null);
    }

    static BeamRead empty(String beam, Access access, long invalid, long rowsRead) {
        return new BeamRead(beam, Status.EMPTY, access, Map.of(), Map.of(), null, 0, invalid, rowsRead, null);
    }

    static BeamRead absent(String beam) {
        return new BeamRead(beam, Status.ABSENT, Access.NONE, Map.of(), Map.of(), null, 0, 0, 0, null);
    }

    static BeamRead failed(String beam, ReadFailure failure) {
        return new BeamRead(beam, Status.FAILED, Access.NONE, Map.of(), Map.of(), null, 0, 0, 0, failure);
    }

    public String beam() {
        return beam;
    }

    public Status status() {
        return status;
    }

    public Access access() {
        return access;
    }

    /** Column name → column, in the documented order; empty unless {@link Status#READ}. */
    public Map<String, Column> columns() {
        return columns;
    }

    /** Column name → the dataset it was read from (for messages naming granule and dataset). */
    public Map<String, String> sources() {
        return sources;
    }

    /**
     * Each row's key from the shard test, in row order ({@link KeyingSelector#keyType()}), when
     * the test was a {@link KeyingSelector} and rows were read; empty otherwise.
     */
    public Optional<Column> keys() {
        return Optional.ofNullable(keys);
    }

    public int rows() {
        return rows;
    }

    /** Points among the decoded rows with a NaN or infinite coordinate or {@code |lat| > 90}: never selected. */
    public long invalidCoordinates() {
        return invalidCoordinates;
    }

    /** Base rows whose coordinates were decoded to run the shard test. */
    public long rowsRead() {
        return rowsRead;
    }

    public Optional<ReadFailure> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        switch (status) {
            case READ: return beam + ": " + rows + " rows " + columns.keySet() + " (" + access + ", " + rowsRead + " rows read"
                    + (invalidCoordinates > 0 ? ", " + invalidCoordinates + " invalid coordinates" : "") + ")";
            case FAILED: return beam + ": FAILED " + failure.reason();
            default: return beam + ": " + status;
        }
    }
}
