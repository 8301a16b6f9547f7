package io.zagg.config;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import java.util.List;
import java.util.Optional;

/**
 * One output field ({@code aggregation.variables.<name>}): computed by a {@code function} (a
 * reducer) or an {@code expression}, of a kind (scalar, vector of {@code trailing_shape}, or
 * ragged rows of {@code inner_shape}), stored in {@code dtype} with {@code fill_value}, once per
 * cell or once per chunk. Immutable.
 */
public final class FieldSpec {

    public enum Kind { SCALAR, VECTOR, RAGGED }

    public enum Resolution { CELL, CHUNK }

    private final String name;
    private final Kind kind;
    private final Resolution resolution;
    private final DType dtype;
    private final String declaredDtype;
    private final double fillValue;
    private final List<Integer> trailingShape;
    private final List<Integer> innerShape;
    private final String source;
    private final Expression expression;
    private final FunctionRef function;

    FieldSpec(String name, Kind kind, Resolution resolution, DType dtype, String declaredDtype, double fillValue,
              List<Integer> trailingShape, List<Integer> innerShape, String source, Expression expression, FunctionRef function) {
        this.name = name;
        this.kind = kind;
        this.resolution = resolution;
        this.dtype = dtype;
        this.declaredDtype = declaredDtype;
        this.fillValue = fillValue;
        this.trailingShape = List.copyOf(trailingShape);
        this.innerShape = List.copyOf(innerShape);
        this.source = source;
        this.expression = expression;
        this.function = function;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public Resolution resolution() {
        return resolution;
    }

    /** The stored dtype: the declared one, else float32. */
    public DType dtype() {
        return dtype;
    }

    /** The dtype as written in the config, if any (zagg's output-field signature records it, or None). */
    public Optional<String> declaredDtype() {
        return Optional.ofNullable(declaredDtype);
    }

    /** The fill value (NaN unless declared): the template's fill and an empty cell's value. */
    public double fillValue() {
        return fillValue;
    }

    /** A vector's per-cell shape; empty for other kinds. */
    public List<Integer> trailingShape() {
        return trailingShape;
    }

    /** A ragged field's per-element shape; empty for other kinds. */
    public List<Integer> innerShape() {
        return innerShape;
    }

    /** The declared {@code source} (for an expression field it is documentation only). */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    public Optional<Expression> expression() {
        return Optional.ofNullable(expression);
    }

    public Optional<FunctionRef> function() {
        return Optional.ofNullable(function);
    }

    /** Whether the field is zagg's count ({@code function: len} or {@code count}). */
    public boolean isCount() {
        return function != null && function.isCount();
    }

    private static int product(List<Integer> dims) {
        int p = 1;
        for (int d : dims) {
            p = Math.multiplyExact(p, d);
        }
        return p;
    }

    /**
     * Evaluates this expression field over one cell's rows (and its chunk's values). An empty
     * cell gets {@link #emptyValue}.
     *
     * @throws EvaluationException naming this field when numpy would have raised, or when the
     *     result does not fit the field's kind and shape (zagg's messages)
     * @throws IllegalStateException for a function field, which the reducer registry evaluates
     */
    public CellValue evaluate(Namespace cell) {
        if (expression == null) {
            throw new IllegalStateException("Variable '" + name + "' is a function field (" + function.name()
                    + "); the reducer registry evaluates it");
        }
        if (cell.rowCount() == 0) {
            return emptyValue(cell);
        }
        Val v;
        try {
            v = expression.evaluate(cell);
        } catch (EvaluationException e) {
            throw new EvaluationException("Variable '" + name + "': expression '" + expression.text() + "': " + e.getMessage());
        }
        switch (kind) {
            case SCALAR:
                if (!(v instanceof Scalar)) {
                    throw new EvaluationException("scalar field '" + name + "': expression '" + expression.text()
                            + "' produced a non-scalar of shape " + shapeOf(v) + "; a kind: scalar field requires a scalar"
                            + " result (declare 'kind: vector' to store an array per cell)");
                }
                return new CellValue.ScalarValue(((Scalar) v).toDouble());
            case VECTOR:
                return new CellValue.VectorValue(vector(v));
            default:
                return new CellValue.RaggedValue(ragged(v));
        }
    }

    private static String shapeOf(Val v) {
        if (v instanceof Arr) {
            return "(" + ((Arr) v).size() + ",)";
        }
        return v instanceof Val.Tuple ? "(" + ((Val.Tuple) v).items().size() + ",) (a tuple)" : "()";
    }

    /** numpy's {@code asarray(out, dtype)} with the shape check of zagg's vector coercion. */
    private Column vector(Val v) {
        if (!(v instanceof Arr) || trailingShape.size() != 1 || ((Arr) v).size() != trailingShape.get(0)) {
            throw new EvaluationException("Variable '" + name + "': vector field produced shape " + shapeOf(v)
                    + ", expected " + PyRepr.shape(trailingShape));
        }
        return cast((Arr) v, 1);
    }

    /** zagg's ragged coercion: a 1-D result with a 1-D inner shape is read as rows of that width. */
    private Column ragged(Val v) {
        int width = product(innerShape);
        if (v instanceof Arr && ((Arr) v).size() == 0) {
            return Columns.allocate(dtype, 0, width);
        }
        if (!(v instanceof Arr) || innerShape.size() != 1) {
            throw new EvaluationException("Variable '" + name + "': ragged field produced inner shape (), expected "
                    + PyRepr.shape(innerShape));
        }
        Arr a = (Arr) v;
        if (a.size() % width != 0) {
            throw new EvaluationException("Variable '" + name + "': cannot reshape array of size " + a.size()
                    + " into shape (" + width + ")");
        }
        return cast(a, width);
    }

    /** The array cast to the field's dtype (numpy's {@code asarray(out, dtype)}) in a new column of {@code width}. */
    private Column cast(Arr a, int width) {
        Numeric values;
        try {
            values = Arith.cast(a, NumType.of(dtype));
        } catch (EvaluationException e) {
            throw new EvaluationException("Variable '" + name + "': " + e.getMessage());
        }
        MutableColumn c = Columns.allocate(dtype, a.size() / width, width);
        for (int i = 0; i < a.size(); i++) {
            if (dtype.isFloating()) {
                c.setDouble(i, values.f64(i));
            } else {
                c.setLong(i, values.i64(i));
            }
        }
        return c;
    }

    /**
     * The value of an empty cell: 0 for a count; for a scalar expression that is exactly the
     * name of a scalar chunk value, that value (zagg's rule, so companions carry the chunk's
     * anchor in empty cells); otherwise the fill value (NaN by default); a vector full of the
     * fill value; a ragged field no rows.
     */
    public CellValue emptyValue(Namespace cell) {
        switch (kind) {
            case RAGGED:
                return new CellValue.RaggedValue(Columns.allocate(dtype, 0, product(innerShape)));
            case VECTOR: {
                int n = product(trailingShape);
                MutableColumn c = Columns.allocate(dtype, n, 1);
                for (int i = 0; i < n; i++) {
                    if (dtype.isFloating()) {
                        c.setDouble(i, fillValue);
                    } else {
                        c.setLong(i, (long) fillValue);
                    }
                }
                return new CellValue.VectorValue(c);
            }
            default:
                if (isCount()) {
                    return new CellValue.ScalarValue(0);
                }
                if (expression != null && expression.isBareName()) {
                    Val chunkValue = cell.chunkValues().get(expression.text().strip());
                    if (chunkValue instanceof Scalar) {
                        return new CellValue.ScalarValue(((Scalar) chunkValue).toDouble());
                    }
                }
                return new CellValue.ScalarValue(fillValue);
        }
    }

    @Override
    public String toString() {
        return name + ": " + (expression != null ? "expression '" + expression.text() + "'" : "function " + function)
                + ", " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + (kind == Kind.VECTOR ? " " + trailingShape : kind == Kind.RAGGED ? " " + innerShape : "")
                + ", " + dtype.numpyName() + (resolution == Resolution.CHUNK ? ", per chunk" : "");
    }
}
