package io.zagg;

import io.zagg.spi.DType;
import io.zagg.spi.Reducer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One output field of a run: a statistic over one or more source columns, reduced per cell.
 * Made by {@link Aggregations}; immutable — {@link #as}, {@link #dtype}, {@link #fill},
 * {@link #vector} and {@link #ragged} return a changed copy.
 *
 * <pre>{@code
 * Aggregation q25 = Aggregations.quantile("h_li", 0.25).as("h_q25").dtype(DType.FLOAT64);
 * }</pre>
 *
 * <p>Defaults: dtype {@code float32} ({@code int32} for {@code count}); fill {@code NaN} for a
 * float dtype and {@code 0} for an integer dtype. The fill is what a cell without rows gets
 * (vectors are filled with it; ragged fields simply have no entry for the cell) and what the
 * template declares. An integer field whose statistic comes out NaN or infinite (all-NaN input,
 * say) also gets the fill — numpy would raise instead.
 */
public final class Aggregation {

    /** The shape class of a field's per-cell value, as zagg's {@code kind:} names it. */
    public enum Kind {
        /** One number per cell. */
        SCALAR,
        /** A fixed-length vector per cell ({@code trailing_shape}). */
        VECTOR,
        /** A variable number of fixed-width rows per cell ({@code inner_shape}), stored as CSR. */
        RAGGED
    }

    private final String function;
    private final List<String> sources;
    private final Map<String, Object> params;
    private final Reducer reducer;
    private final String name;
    private final DType dtype;
    private final Double fill;
    private final Kind kind;
    private final List<Integer> shape;

    Aggregation(String function, List<String> sources, Map<String, Object> params, Reducer reducer,
                String name, DType dtype, Double fill, Kind kind, List<Integer> shape) {
        this.function = function;
        this.sources = List.copyOf(sources);
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.reducer = reducer;
        this.name = name;
        this.dtype = dtype;
        this.fill = fill;
        this.kind = kind;
        this.shape = List.copyOf(shape);
    }

    /** This aggregation with output name {@code name} (the Zarr array name). */
    public Aggregation as(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("output name '" + name + "' of " + describe()
                    + " must be a non-blank Zarr array name without '/'");
        }
        return new Aggregation(function, sources, params, reducer, name, dtype, fill, kind, shape);
    }

    /** This aggregation stored as {@code dtype}; the statistic is computed as numpy does, then cast. */
    public Aggregation dtype(DType dtype) {
        Objects.requireNonNull(dtype, "dtype");
        if (fill != null) {
            checkFill(dtype, fill);
        }
        return new Aggregation(function, sources, params, reducer, name, dtype, fill, kind, shape);
    }

    /** This aggregation with fill value {@code fill} (for an integer dtype: an integer in its range). */
    public Aggregation fill(double fill) {
        checkFill(dtype, fill);
        return new Aggregation(function, sources, params, reducer, name, dtype, fill, kind, shape);
    }

    /**
     * This custom aggregation producing a fixed-length vector per cell of shape
     * {@code trailingShape} (its elements are flattened row-major).
     *
     * @throws IllegalStateException for a built-in statistic, whose shape is fixed
     */
    public Aggregation vector(int... trailingShape) {
        return reshaped(Kind.VECTOR, "trailing", trailingShape);
    }

    /**
     * This custom aggregation producing ragged rows of shape {@code innerShape} per cell (e.g.
     * {@code ragged(2)} for {@code (k, 2)} centroids).
     *
     * @throws IllegalStateException for a built-in statistic, whose shape is fixed
     */
    public Aggregation ragged(int... innerShape) {
        return reshaped(Kind.RAGGED, "inner", innerShape);
    }

    private Aggregation reshaped(Kind newKind, String what, int[] dims) {
        if (reducer == null) {
            throw new IllegalStateException(describe() + " has a fixed " + kind.name().toLowerCase(Locale.ROOT)
                    + " shape; vector(...) and ragged(...) apply to custom reducers only");
        }
        if (dims.length == 0) {
            throw new IllegalArgumentException(what + " shape of " + describe() + " needs at least one dimension");
        }
        List<Integer> s = new ArrayList<>();
        for (int d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException(what + " shape " + Arrays.toString(dims) + " of " + describe()
                        + " must have positive dimensions");
            }
            s.add(d);
        }
        return new Aggregation(function, sources, params, reducer, name, dtype, fill, newKind, s);
    }

    /** The output (Zarr array) name. */
    public String name() {
        return name;
    }

    /**
     * The function: a built-in's numpy name ({@code "min"}, {@code "quantile"}), {@code "reduce"}
     * for a lambda, or the configured name of a provider's reducer ({@code "mylib.p95"}).
     */
    public String function() {
        return function;
    }

    /** The columns read, value column first ({@code average}: values, weights); empty for {@code count}. */
    public List<String> sources() {
        return sources;
    }

    /** The function's parameters ({@code q}, {@code bins}, {@code range}, {@code delta}, ...), in order. */
    public Map<String, Object> params() {
        return params;
    }

    /** The user-defined reducer, or empty for a built-in statistic. */
    public Optional<Reducer> reducer() {
        return Optional.ofNullable(reducer);
    }

    public DType dtype() {
        return dtype;
    }

    /** The fill value: as set, else NaN for a float dtype and 0 for an integer dtype. */
    public double fill() {
        return fill != null ? fill : dtype.isFloating() ? Double.NaN : 0d;
    }

    public Kind kind() {
        return kind;
    }

    /** The trailing shape of a vector, the inner shape of ragged rows, empty for a scalar. */
    public List<Integer> shape() {
        return shape;
    }

    /** Elements per cell (vector) or per row (ragged): the product of {@link #shape()}; 1 for a scalar. */
    public int width() {
        int w = 1;
        for (int d : shape) {
            w = Math.multiplyExact(w, d);
        }
        return w;
    }

    private void checkFill(DType type, double value) {
        if (type.isFloating()) {
            return;
        }
        double max = type.isSigned() ? Math.pow(2, type.byteSize() * 8 - 1) - 1 : Math.pow(2, type.byteSize() * 8) - 1;
        double min = type.isSigned() ? -max - 1 : 0;
        if (value != Math.rint(value) || value < min || value > max) {
            throw new IllegalArgumentException("fill " + value + " of field '" + name + "' cannot be stored in "
                    + type.numpyName() + "; give an integer fill in " + (long) min + ".." + Long.toUnsignedString((long) max));
        }
    }

    /** The statistic without output details, e.g. {@code quantile(h_li, q=0.25)}. */
    String describe() {
        // a weights column shows as a parameter; a custom reducer lists every column it reads
        List<String> args = new ArrayList<>(reducer != null || sources.isEmpty() ? sources : sources.subList(0, 1));
        params.forEach((k, v) -> args.add(k + "=" + v));
        return function + "(" + String.join(", ", args) + ")";
    }

    @Override
    public String toString() {
        String s = describe() + " as " + name + " " + dtype.numpyName() + " fill " + fill();
        return kind == Kind.SCALAR ? s : s + " " + kind.name().toLowerCase(Locale.ROOT)
                + shape.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Aggregation)) {
            return false;
        }
        Aggregation a = (Aggregation) o;
        return function.equals(a.function) && sources.equals(a.sources) && params.equals(a.params)
                && reducer == a.reducer && name.equals(a.name) && dtype == a.dtype
                && Double.compare(fill(), a.fill()) == 0 && kind == a.kind && shape.equals(a.shape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(function, sources, params, System.identityHashCode(reducer), name, dtype, fill(), kind, shape);
    }
}
