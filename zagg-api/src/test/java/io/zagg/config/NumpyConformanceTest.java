package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Expressions against numpy's own results in ../shared/conformance/numpy_reductions.json
 * (float32 bit patterns). Only inputs of at most 8192 values and the quantiles 0, .25, .5, .75
 * and 1 are compared: the file was made with numpy 1.24, whose sums of longer inputs (summed in
 * 8192-value blocks, as numpy 2.2 still does) and whose quantiles at other q differ from numpy 2.4.
 */
class NumpyConformanceTest {

    private static final Set<String> QUANTILES = Set.of("0.0", "0.25", "0.5", "0.75", "1.0");

    private static float bits(JsonNode n) {
        return Float.intBitsToFloat((int) n.asLong());
    }

    private static boolean same(float expected, float got) {
        return Float.isNaN(expected) ? Float.isNaN(got) : Float.floatToIntBits(expected) == Float.floatToIntBits(got);
    }

    private static float eval(String text, Map<String, Column> columns, int n) {
        Val v = Expression.compile(text, new Checker.Scope(columns.keySet(), true)).evaluate(Namespace.of(columns, 0, n));
        return (float) ((Scalar) v).d();
    }

    @Test
    void reductionsAndHistogramsEqualNumpys() throws IOException {
        Optional<Path> file = SharedData.find("conformance/numpy_reductions.json");
        assumeTrue(file.isPresent(), "skipped: ../shared/conformance/numpy_reductions.json is absent");
        JsonNode cases = new ObjectMapper().readTree(file.get().toFile()).get("cases");
        int compared = 0;
        for (JsonNode c : cases) {
            int n = c.get("x").size();
            if (n > 8192) {
                continue;
            }
            float[] x = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = bits(c.get("x").get(i));
            }
            Map<String, Column> columns = new LinkedHashMap<>();
            columns.put("x", Columns.of(x));
            String name = c.get("name").asText();
            for (String f : new String[] {"sum", "mean", "var", "std", "min", "max", "median"}) {
                float got = eval("np." + f + "(x)", columns, n);
                assertTrue(same(bits(c.get(f)), got), name + " np." + f + ": numpy " + bits(c.get(f)) + ", got " + got);
                compared++;
            }
            for (var q : (Iterable<Map.Entry<String, JsonNode>>) c.get("quantile")::fields) {
                if (QUANTILES.contains(q.getKey())) {
                    float got = eval("np.quantile(x, " + q.getKey() + ")", columns, n);
                    assertTrue(same(bits(q.getValue()), got), name + " q=" + q.getKey() + ": numpy " + bits(q.getValue()) + ", got " + got);
                    compared++;
                }
            }
            JsonNode w = c.get("w");
            if (w != null && !w.isNull() && c.hasNonNull("average")) {
                float[] weights = new float[n];
                for (int i = 0; i < n; i++) {
                    weights[i] = bits(w.get(i));
                }
                columns.put("w", Columns.of(weights));
                float got = eval("np.average(x, weights=w)", columns, n);
                assertTrue(same(bits(c.get("average")), got), name + " np.average");
                compared++;
            }
            JsonNode h = c.get("histogram");
            if (h != null) {
                String text = "np.histogram(x, " + h.get("bins").asInt() + ", (" + h.get("lo").asDouble() + ", " + h.get("hi").asDouble()
                        + "))[0]";
                Arr counts = (Arr) Expression.compile(text, new Checker.Scope(columns.keySet(), true))
                        .evaluate(Namespace.of(columns, 0, n));
                for (int i = 0; i < counts.size(); i++) {
                    assertEquals(h.get("counts").get(i).asLong(), counts.i64(i), name + " histogram bin " + i);
                }
                compared++;
            }
        }
        assertTrue(compared > 250, "compared " + compared + " numpy results");
    }
}
