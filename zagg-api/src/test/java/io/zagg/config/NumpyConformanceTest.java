package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import io.zagg.store.JsonText;
import io.zagg.test.Goldens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Expressions against numpy's own results in the golden files of
 * {@code src/test/resources/conformance} (bit patterns): {@code numpy2_reductions.json}, made
 * with numpy 2.2.6 (zagg's runtime) for float32 and float64 inputs, and
 * {@code numpy_reductions.json}, made with numpy 1.24.
 */
class NumpyConformanceTest {

    private static final String[] STATS = {"sum", "mean", "var", "std", "min", "max", "median"};

    private static Val eval(String text, Map<String, Column> columns, int n) {
        return Expression.compile(text, new Checker.Scope(columns.keySet(), true)).evaluate(Namespace.of(columns, 0, n));
    }

    private static double scalar(String text, Map<String, Column> columns, int n) {
        return ((Scalar) eval(text, columns, n)).d();
    }

    /** A Python float literal of exactly {@code v}. */
    private static String literal(double v) {
        return JsonText.pythonRepr(v);
    }

    private static Column column(float[] x, DType dtype) {
        MutableColumn c = Columns.allocate(dtype, x.length, 1);
        for (int i = 0; i < x.length; i++) {
            c.setDouble(i, x[i]);
        }
        return c;
    }

    @Test
    void reductionsAndHistogramsEqualNumpy124s() {
        int compared = 0;
        for (JsonNode c : Goldens.NUMPY1.get("cases")) {
            float[] x = Goldens.floats(c.get("x"));
            int n = x.length;
            Map<String, Column> columns = new LinkedHashMap<>();
            columns.put("x", Columns.of(x));
            String name = c.get("name").asText();
            for (String f : STATS) {
                float got = (float) scalar("np." + f + "(x)", columns, n);
                assertTrue(Goldens.same(Goldens.f32(c.get(f)), got), name + " np." + f + ": numpy " + Goldens.f32(c.get(f)) + ", got " + got);
                compared++;
            }
            for (var q : (Iterable<Map.Entry<String, JsonNode>>) c.get("quantile")::fields) {
                float got = (float) scalar("np.quantile(x, " + q.getKey() + ")", columns, n);
                assertTrue(Goldens.same(Goldens.f32(q.getValue()), got), name + " q=" + q.getKey() + ": numpy "
                        + Goldens.f32(q.getValue()) + ", got " + got);
                compared++;
            }
            JsonNode w = c.get("w");
            if (w != null && !w.isNull() && c.hasNonNull("average")) {
                columns.put("w", Columns.of(Goldens.floats(w)));
                float got = (float) scalar("np.average(x, weights=w)", columns, n);
                assertTrue(Goldens.same(Goldens.f32(c.get("average")), got), name + " np.average");
                compared++;
            }
            JsonNode h = c.get("histogram");
            if (h != null) {
                String text = "np.histogram(x, " + h.get("bins").asInt() + ", (" + literal(h.get("lo").asDouble()) + ", "
                        + literal(h.get("hi").asDouble()) + "))[0]";
                Arr counts = (Arr) eval(text, columns, n);
                for (int i = 0; i < counts.size(); i++) {
                    assertEquals(h.get("counts").get(i).asLong(), counts.i64(i), name + " histogram bin " + i);
                }
                compared++;
            }
        }
        assertTrue(compared > 300, "compared " + compared + " numpy results");
    }

    @Test
    void reductionsQuantilesAndHistogramsEqualNumpy22s() {
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (JsonNode c : Goldens.NUMPY2.get("cases")) {
            String name = c.get("name").asText();
            float[] x = Goldens.input(c, "x");
            float[] w = Goldens.input(c, "w");
            int n = x.length;
            for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                String where = name + " " + dtype.numpyName();
                JsonNode expected = c.get(dtype.numpyName());
                Map<String, Column> columns = new LinkedHashMap<>();
                columns.put("x", column(x, dtype));
                columns.put("w", w == null ? column(new float[n], dtype) : column(w, dtype));
                List<String> texts = new ArrayList<>();
                List<JsonNode> values = new ArrayList<>();
                for (String f : STATS) {
                    texts.add("np." + f + "(x)");
                    values.add(expected.get(f));
                }
                // numpy 1.24's float64 interpolation, which the conformance goldens fix (see NumpyStats.quantile)
                for (var q : (Iterable<Map.Entry<String, JsonNode>>) expected.get("quantile_array_q")::fields) {
                    texts.add("np.quantile(x, " + literal(Double.parseDouble(q.getKey())) + ")");
                    values.add(q.getValue());
                }
                if (w != null && expected.hasNonNull("average")) {
                    texts.add("np.average(x, weights=w)");
                    values.add(expected.get("average"));
                }
                for (int k = 0; k < texts.size(); k++) {
                    double got = scalar(texts.get(k), columns, n);
                    boolean same = dtype == DType.FLOAT32 ? Goldens.same(Goldens.f32(values.get(k)), (float) got)
                            : Goldens.same(Goldens.f64(values.get(k)), got);
                    if (!same) {
                        mismatches.add(where + " " + texts.get(k) + ": numpy " + (dtype == DType.FLOAT32
                                ? Goldens.f32(values.get(k)) : Goldens.f64(values.get(k))) + ", got " + got);
                    }
                    compared++;
                }
                for (JsonNode h : expected.get("histograms")) {
                    String text = "np.histogram(x, " + h.get("bins").asInt() + ", (" + literal(h.get("lo").asDouble()) + ", "
                            + literal(h.get("hi").asDouble()) + "))[0]";
                    Arr counts = (Arr) eval(text, columns, n);
                    for (int i = 0; i < counts.size(); i++) {
                        if (h.get("counts").get(i).asLong() != counts.i64(i)) {
                            mismatches.add(where + " " + text + " bin " + i);
                        }
                    }
                    compared++;
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(compared > 1000, "compared " + compared + " numpy results");
    }
}
