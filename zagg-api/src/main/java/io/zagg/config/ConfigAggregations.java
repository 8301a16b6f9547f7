package io.zagg.config;

import io.zagg.Aggregation;
import io.zagg.Aggregations;
import io.zagg.spi.CellValues;
import io.zagg.spi.Column;
import io.zagg.spi.ReducerOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config's {@code aggregation.variables} as the run's {@link Aggregation}s: a function field
 * whose params are literals or column names becomes the built-in (or provider) reducer it names,
 * computed by the shared numpy-exact kernels; an expression field, or a function field with a
 * computed param (zagg's {@code weights: "1.0 / s_li**2"}), becomes a reducer that evaluates the
 * field with the expression language over the cell's rows.
 */
public final class ConfigAggregations {

    private ConfigAggregations() {
    }

    /**
     * The fields of {@code config}, in config order.
     *
     * @throws ConfigException naming the config and the field for what the Java port does not run
     */
    public static List<Aggregation> of(ZaggConfig config) {
        if (!config.aggregation().chunkPrecompute().isEmpty()) {
            throw new ConfigException(config.source(), "aggregation.chunk_precompute ("
                    + config.aggregation().chunkPrecompute().get(0).name() + ", ...) is not supported yet by the Java pipeline");
        }
        List<String> columns = new ArrayList<>(config.dataSource().columns());
        List<Aggregation> out = new ArrayList<>();
        for (FieldSpec f : config.aggregation().fields()) {
            if (f.resolution() == FieldSpec.Resolution.CHUNK) {
                throw new ConfigException(config.source(), "Variable '" + f.name()
                        + "': resolution: chunk is not supported yet by the Java pipeline");
            }
            out.add(shaped(f, toAggregation(config, f, columns)));
        }
        return out;
    }

    private static Aggregation toAggregation(ZaggConfig config, FieldSpec f, List<String> columns) {
        if (f.expression().isPresent() || hasComputedParam(f)) {
            return Aggregations.reduce(f.name(), columns, new FieldReducer(f, columns));
        }
        FunctionRef fn = f.function().orElseThrow();
        if (fn.isCount()) {
            return Aggregations.count();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, Param> p : fn.params().entrySet()) {
            Param v = p.getValue();
            params.put(p.getKey(), v instanceof Param.ColumnRef ? ((Param.ColumnRef) v).name() : ((Param.Literal) v).value());
        }
        try {
            return Aggregations.function(fn.reducerName(), f.source().orElse("h_li"), params);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source(), "Variable '" + f.name() + "': " + e.getMessage());
        }
    }

    private static boolean hasComputedParam(FieldSpec f) {
        return f.function().map(fn -> fn.params().values().stream().anyMatch(p -> p instanceof Param.Computed)).orElse(false);
    }

    /** Gives the aggregation the field's name, dtype, fill and shape as the config declares them. */
    private static Aggregation shaped(FieldSpec f, Aggregation a) {
        Aggregation named = a.as(f.name()).dtype(f.dtype()).fill(f.fillValue());
        if (a.reducer().isEmpty()) {
            return named; // a built-in's kind and shape are its own (a t-digest is ragged (k, 2))
        }
        switch (f.kind()) {
            case VECTOR:
                return named.vector(f.trailingShape().stream().mapToInt(Integer::intValue).toArray());
            case RAGGED:
                return named.ragged(f.innerShape().stream().mapToInt(Integer::intValue).toArray());
            default:
                return named;
        }
    }

    /** Evaluates one config field per cell with the expression language. */
    private static final class FieldReducer implements io.zagg.spi.Reducer {
        private final FieldSpec field;
        private final List<String> columns;

        FieldReducer(FieldSpec field, List<String> columns) {
            this.field = field;
            this.columns = List.copyOf(columns);
        }

        @Override
        public void reduce(CellValues cell, ReducerOutput out) {
            Map<String, Column> views = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                views.put(columns.get(i), cell.column(i));
            }
            Namespace ns = Namespace.of(views, 0, cell.rows());
            CellValue v = field.expression().isPresent() ? field.evaluate(ns) : evaluateFunction(ns);
            if (v instanceof CellValue.ScalarValue) {
                out.set(((CellValue.ScalarValue) v).value());
            } else if (v instanceof CellValue.VectorValue) {
                Column c = ((CellValue.VectorValue) v).values();
                for (int k = 0; k < out.width(); k++) {
                    out.set(k, c.getDouble(k));
                }
            } else {
                Column rows = ((CellValue.RaggedValue) v).rows();
                long n = rows.rows() * rows.width();
                for (long k = 0; k < n; k++) {
                    out.add(rows.getDouble(k));
                }
            }
        }

        /** A function field with a computed param; zagg's shipped configs use it for {@code average(weights=...)}. */
        private CellValue evaluateFunction(Namespace ns) {
            FunctionRef fn = field.function().orElseThrow();
            if (!fn.reducerName().equals("average")) {
                throw new EvaluationException("Variable '" + field.name() + "': computed params are supported for average only, not "
                        + fn.name());
            }
            Column x = ns.columnOf(field.source().orElse("h_li"));
            ParamValue w = fn.params().get("weights").resolve(ns);
            if (!(w instanceof ParamValue.Rows)) {
                throw new EvaluationException("Variable '" + field.name() + "': weights must be per-row values");
            }
            ParamValue.Rows rows = (ParamValue.Rows) w;
            return new CellValue.ScalarValue(NumpyFunctions.EXACT.average(x, 0, rows.column(), rows.start(), ns.rowCount()));
        }
    }
}
