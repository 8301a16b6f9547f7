package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.zagg.Aggregation;
import io.zagg.Aggregations;
import io.zagg.reduce.CellRuns;
import io.zagg.reduce.ShardOutput;
import io.zagg.reduce.ShardReduction;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import io.zagg.store.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * A statistic gives the same bits whichever way a config asks for it: as an {@link Aggregations}
 * built-in ({@code function: quantile}) or inside an expression ({@code np.quantile(h, 0.25)}),
 * both reduced by one {@link ShardReduction} over the same cells of random float32 values (and
 * the same values as float64).
 */
class KernelRoutesTest {

    /** Heights: ordinary floats, ties, signed zeros, and now and then NaN or ±infinity. */
    private static final Gen<Float> HEIGHT = floats().between(-1000f, 1000f)
            .mix(integers().between(-3, 3).map(i -> (float) i), 20)
            .mix(Generate.pick(List.of(-0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)), 3);

    /** One to five cells of 1 to 200 values. */
    private static final Gen<List<List<Float>>> CELLS = lists().of(lists().of(HEIGHT).ofSizeBetween(1, 200)).ofSizeBetween(1, 5);

    /** A histogram range: {@code lo} and a width of at least 1, so that no bin count makes the edges collapse. */
    private static final Gen<double[]> RANGE = doubles().between(-500, 500)
            .zip(doubles().between(1, 1000), (lo, w) -> new double[] {lo, lo + w});

    /** {@code (name, built-in field, expression)} for every statistic both routes compute. */
    private static List<String[]> statistics(double q, int bins, double[] range) {
        String qs = JsonText.pythonRepr(q);
        String r = "(" + JsonText.pythonRepr(range[0]) + ", " + JsonText.pythonRepr(range[1]) + ")";
        return List.of(
                new String[] {"sum", "np.sum(h)"},
                new String[] {"min", "np.min(h)"},
                new String[] {"max", "np.max(h)"},
                new String[] {"mean", "np.mean(h)"},
                new String[] {"var", "np.var(h)"},
                new String[] {"std", "np.std(h)"},
                new String[] {"median", "np.median(h)"},
                new String[] {"quantile", "np.quantile(h, " + qs + ")"},
                new String[] {"average", "np.average(h, weights=w)"},
                new String[] {"histogram", "np.histogram(h, " + bins + ", " + r + ")[0]"});
    }

    private static Aggregation builtIn(String statistic, double q, int bins, double[] range) {
        switch (statistic) {
            case "sum": return Aggregations.sum("h");
            case "min": return Aggregations.min("h");
            case "max": return Aggregations.max("h");
            case "mean": return Aggregations.mean("h");
            case "var": return Aggregations.var("h");
            case "std": return Aggregations.std("h");
            case "median": return Aggregations.median("h");
            case "quantile": return Aggregations.quantile("h", q);
            case "average": return Aggregations.average("h", "w");
            default: return Aggregations.histogram("h", bins, range[0], range[1]).dtype(DType.INT64);
        }
    }

    /** The config fields {@code e_<statistic>}: one expression field per statistic. */
    private static List<Aggregation> expressionFields(List<String[]> statistics, int bins, DType dtype) {
        StringBuilder variables = new StringBuilder();
        for (String[] s : statistics) {
            variables.append("    e_").append(s[0]).append(": {expression: '").append(s[1]).append("', ")
                    .append(s[0].equals("histogram") ? "kind: vector, trailing_shape: " + bins + ", dtype: int64, fill_value: 0}"
                            : "dtype: " + dtype.numpyName() + "}")
                    .append('\n');
        }
        String yaml = "data_source: {variables: {h: /h, w: /w}}\n"
                + "aggregation:\n  variables:\n" + variables
                + "output: {grid: {type: healpix, parent_order: 1, child_order: 3}}\n";
        return ConfigAggregations.of(ConfigLoader.standard().parse(yaml, "routes.yaml"));
    }

    @Test
    void builtInsAndExpressionsGiveTheSameBits() {
        qt().withExamples(150).forAll(CELLS, doubles().between(0, 1), integers().between(1, 64), RANGE)
                .checkAssert((cells, q, bins, range) -> {
                    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                        compare(cells, q, bins, range, dtype);
                    }
                });
    }

    private static void compare(List<List<Float>> cells, double q, int bins, double[] range, DType dtype) {
        List<String[]> statistics = statistics(q, bins, range);
        List<Aggregation> fields = new ArrayList<>();
        for (String[] s : statistics) {
            Aggregation a = builtIn(s[0], q, bins, range).as("b_" + s[0]);
            fields.add(s[0].equals("histogram") ? a : a.dtype(dtype));
        }
        fields.addAll(expressionFields(statistics, bins, dtype));

        // cells 1, 3, 5, ... hold the values; even cells stay empty in both routes
        int rows = cells.stream().mapToInt(List::size).sum();
        MutableColumn h = Columns.allocate(dtype, rows, 1);
        float[] w = new float[rows];
        long[] starts = new long[cells.size() + 1];
        int[] cellIds = new int[cells.size()];
        int i = 0;
        for (int k = 0; k < cells.size(); k++) {
            for (float v : cells.get(k)) {
                h.setDouble(i, v);
                w[i] = 0.25f + (i * 37 % 16) / 4f; // positive weights: numpy raises where they sum to zero
                i++;
            }
            starts[k + 1] = i;
            cellIds[k] = 2 * k + 1;
        }
        Map<String, Column> columns = Map.of("h", h, "w", Columns.of(w));
        ShardOutput out = new ShardReduction(fields).reduce(columns, new CellRuns(starts, cellIds, 2 * cells.size() + 1));

        for (String[] s : statistics) {
            Column builtIn = out.dense("b_" + s[0]);
            Column expression = out.dense("e_" + s[0]);
            long n = builtIn.rows() * builtIn.width();
            assertEquals(n, expression.rows() * expression.width(), s[1]);
            for (long e = 0; e < n; e++) {
                double b = builtIn.getDouble(e);
                double x = expression.getDouble(e);
                String at = dtype.numpyName() + " " + s[1] + " element " + e;
                assertEquals(Double.doubleToLongBits(b), Double.doubleToLongBits(x), () -> at + ": built-in " + b + ", expression " + x);
            }
        }
    }
}
