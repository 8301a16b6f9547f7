package io.zagg.reduce;

import io.zagg.spi.Column;
import io.zagg.spi.DType;
import io.zagg.spi.ScalarReducer;
import java.util.List;
import java.util.Map;

/**
 * One named scalar per chunk: a {@link ScalarReducer} over the chunk's pooled rows of one column,
 * cast to float32 or float64 as numpy's {@code dtype.type(v)} casts it. A chunk without rows gets
 * NaN without calling the reducer (zagg's rule, which spares {@code np.min} an empty array).
 */
public final class ScalarChunkStage implements ChunkStage {

    private final String name;
    private final String source;
    private final ScalarReducer reducer;
    private final DType dtype;

    /**
     * @throws IllegalArgumentException when {@code dtype} is not float32 or float64 (an empty
     *     chunk's value is NaN, which an integer cannot hold)
     */
    public ScalarChunkStage(String name, String source, ScalarReducer reducer, DType dtype) {
        if (dtype != DType.FLOAT32 && dtype != DType.FLOAT64) {
            throw new IllegalArgumentException("chunk value '" + name + "' has dtype " + dtype.numpyName()
                    + "; it must be float32 or float64, since a chunk without rows gets NaN");
        }
        this.name = name;
        this.source = source;
        this.reducer = reducer;
        this.dtype = dtype;
    }

    @Override
    public List<String> names() {
        return List.of(name);
    }

    @Override
    public List<String> sources() {
        return List.of(source);
    }

    @Override
    public Values evaluate(Map<String, ? extends Column> columns, long start, long end) {
        double v = Double.NaN;
        if (end > start) {
            Column c = columns.get(source);
            if (c == null) {
                throw new IllegalArgumentException("chunk value '" + name + "' reads column '" + source
                        + "', which the shard does not have; columns: " + columns.keySet());
            }
            RunColumn rows = new RunColumn(c);
            rows.point(start, end);
            try {
                v = reducer.reduce(rows);
            } catch (RuntimeException e) {
                throw new IllegalStateException("chunk value '" + name + "' failed over rows [" + start + ", " + end + "): "
                        + e.getMessage(), e);
            }
        }
        double value = dtype == DType.FLOAT32 ? (float) v : v;
        return n -> {
            if (!n.equals(name)) {
                throw new IllegalArgumentException("no chunk value named '" + n + "' in stage " + this);
            }
            return value;
        };
    }

    @Override
    public String toString() {
        return "chunk value " + name + " = reduce(" + source + ") " + dtype.numpyName();
    }
}
