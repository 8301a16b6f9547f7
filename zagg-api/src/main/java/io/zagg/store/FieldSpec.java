package io.zagg.store;

import io.zagg.spi.DType;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One output field of a run as the store lays it out: its name, kind (scalar, fixed-size vector,
 * ragged), element type, fill value, trailing shape, and resolution (one value per cell, or one
 * per chunk — a "companion"). Immutable; build with {@link #scalar}, {@link #vector},
 * {@link #ragged}, then {@link #atChunkResolution()} for a companion.
 */
public final class FieldSpec {

    /** Names the coordinate arrays take; no field may use them. */
    public static final String CELL_IDS = "cell_ids";
    public static final String MORTON = "morton";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*");

    public enum Kind {
        /** One value per cell: an array {@code (N,)}. */
        SCALAR,
        /** A fixed-size vector per cell: an array {@code (N, *trailing)}, trailing dims chunked whole. */
        VECTOR,
        /** A variable-length payload per cell: no array, CSR groups per chunk. */
        RAGGED
    }

    public enum Resolution {
        /** One value per cell. */
        CELL,
        /** One value per chunk, shaped at the chunk grid (zagg's {@code resolution: chunk}). */
        CHUNK
    }

    private final String name;
    private final Kind kind;
    private final FillValue fill;
    private final int[] shape;
    private final Resolution resolution;

    private FieldSpec(String name, Kind kind, FillValue fill, int[] shape, Resolution resolution) {
        this.name = name;
        this.kind = kind;
        this.fill = fill;
        this.shape = shape;
        this.resolution = resolution;
    }

    /** A scalar per cell; the element type is the fill's. */
    public static FieldSpec scalar(String name, FillValue fill) {
        return new FieldSpec(requireName(name), Kind.SCALAR, Objects.requireNonNull(fill, "fill"), new int[0], Resolution.CELL);
    }

    /**
     * A vector of {@code trailingShape} per cell (e.g. 128 histogram bins); the element type is
     * the fill's.
     */
    public static FieldSpec vector(String name, FillValue fill, int... trailingShape) {
        requireName(name);
        if (trailingShape.length == 0) {
            throw new IllegalArgumentException("vector field " + name + " needs a trailing shape");
        }
        return new FieldSpec(name, Kind.VECTOR, Objects.requireNonNull(fill, "fill"), requireShape(name, "trailing", trailingShape), Resolution.CELL);
    }

    /**
     * A variable-length payload per cell whose rows are {@code innerShape} (empty for a plain
     * list of values, {@code 2} for t-digest centroids {@code (mean, weight)}).
     */
    public static FieldSpec ragged(String name, DType dtype, int... innerShape) {
        requireName(name);
        return new FieldSpec(name, Kind.RAGGED, FillValue.zero(Objects.requireNonNull(dtype, "dtype")),
                requireShape(name, "inner", innerShape), Resolution.CELL);
    }

    /** The same field stored once per chunk (a companion array shaped at the chunk grid). */
    public FieldSpec atChunkResolution() {
        return new FieldSpec(name, kind, fill, shape, Resolution.CHUNK);
    }

    private static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith("__")) {
            throw new IllegalArgumentException("field name '" + name + "' is not a valid array name (letters, digits, _ . -; not starting with . or __)");
        }
        if (name.equals(CELL_IDS) || name.equals(MORTON)) {
            throw new IllegalArgumentException("field name '" + name + "' is taken by a coordinate array");
        }
        return name;
    }

    private static int[] requireShape(String name, String what, int[] shape) {
        for (int d : shape) {
            if (d <= 0) {
                throw new IllegalArgumentException("field " + name + ": " + what + " shape " + Arrays.toString(shape) + " has a dimension that is not positive");
            }
        }
        return shape.clone();
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public DType dtype() {
        return fill.dtype();
    }

    /** The fill value (zero of the element type for a ragged field). */
    public FillValue fillValue() {
        return fill;
    }

    /** The trailing shape of a vector, the inner shape of a ragged field's rows, empty for a scalar. */
    public int[] shape() {
        return shape.clone();
    }

    public Resolution resolution() {
        return resolution;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof FieldSpec)) {
            return false;
        }
        FieldSpec f = (FieldSpec) o;
        return f.name.equals(name) && f.kind == kind && f.fill.equals(fill) && Arrays.equals(f.shape, shape) && f.resolution == resolution;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, fill, Arrays.hashCode(shape), resolution);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + " " + dtype().numpyName()
                + (shape.length > 0 ? " " + Arrays.toString(shape) : "") + " fill " + fill
                + (resolution == Resolution.CHUNK ? " per chunk" : "");
    }
}
