package io.zagg.config;

import io.zagg.spi.DType;
import java.util.Optional;

/**
 * One {@code aggregation.chunk_precompute} entry: a value computed once per chunk over the chunk's
 * pooled rows and visible by name to every cell's expressions. A {@code function} entry is held
 * as the equivalent call ({@code function: median, source: h_ph} is {@code np.median(h_ph)}).
 */
public final class PrecomputeSpec {

    private final String name;
    private final Expression expression;
    private final String source;
    private final DType dtype;

    PrecomputeSpec(String name, Expression expression, String source, DType dtype) {
        this.name = name;
        this.expression = expression;
        this.source = source;
        this.dtype = dtype;
    }

    public String name() {
        return name;
    }

    /** The expression, or the call a {@code function} entry stands for. */
    public Expression expression() {
        return expression;
    }

    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The dtype the value is cast to, if declared. */
    public Optional<DType> dtype() {
        return Optional.ofNullable(dtype);
    }

    /**
     * The value over a chunk's pooled rows; for a chunk without rows, NaN of the declared dtype
     * (float64 if none) without evaluating, as zagg does.
     */
    Val evaluate(Namespace pooled) {
        if (pooled.rowCount() == 0) {
            if (dtype == null) {
                return Scalar.ofFloat(NumType.FLOAT64, Double.NaN);
            }
            if (!dtype.isFloating()) {
                throw new EvaluationException("chunk_precompute '" + name + "': a chunk without rows has no "
                        + dtype.numpyName() + " value (numpy cannot make an integer NaN)");
            }
            return Scalar.ofFloat(NumType.of(dtype), Double.NaN);
        }
        try {
            Val v = expression.evaluate(pooled.with(ChunkValues.none()));
            if (dtype == null) {
                return v;
            }
            if (!(v instanceof Numeric)) {
                throw new EvaluationException("gave a " + Val.describe(v) + ", which cannot be cast to " + dtype.numpyName());
            }
            return Arith.cast((Numeric) v, NumType.of(dtype));
        } catch (EvaluationException e) {
            throw new EvaluationException("chunk_precompute '" + name + "': expression '" + expression.text() + "': " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name + ": " + expression.text() + (dtype == null ? "" : " as " + dtype.numpyName());
    }
}
