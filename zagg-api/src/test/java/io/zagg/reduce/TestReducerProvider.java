package io.zagg.reduce;

import io.zagg.spi.Column;
import io.zagg.spi.Reducer;
import io.zagg.spi.ReducerProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/** A provider registered in the test class path's META-INF/services: {@code testlib.p95}, {@code testlib.scaled_max}. */
public final class TestReducerProvider implements ReducerProvider {

    @Override
    public String namespace() {
        return "testlib";
    }

    @Override
    public Set<String> functions() {
        return Set.of("p95", "scaled_max");
    }

    @Override
    public Reducer create(String function, Map<String, Object> params) {
        if (function.equals("p95")) {
            return (cell, out) -> {
                Column v = cell.column(0);
                double[] a = new double[(int) v.rows()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = v.getDouble(i);
                }
                Arrays.sort(a);
                out.set(a[(int) Math.ceil(0.95 * a.length) - 1]);
            };
        }
        Object factor = params.get("factor");
        if (!(factor instanceof Number)) {
            throw new IllegalArgumentException("scaled_max needs a numeric parameter 'factor', not " + factor);
        }
        double f = ((Number) factor).doubleValue();
        return (cell, out) -> {
            double m = Double.NEGATIVE_INFINITY;
            for (long i = 0; i < cell.rows(); i++) {
                m = Math.max(m, cell.column(0).getDouble(i));
            }
            out.set(f * m);
        };
    }
}
