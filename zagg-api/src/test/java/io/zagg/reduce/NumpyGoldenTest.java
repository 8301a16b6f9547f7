package io.zagg.reduce;

import static io.zagg.Aggregations.average;
import static io.zagg.Aggregations.count;
import static io.zagg.Aggregations.histogram;
import static io.zagg.Aggregations.max;
import static io.zagg.Aggregations.mean;
import static io.zagg.Aggregations.median;
import static io.zagg.Aggregations.min;
import static io.zagg.Aggregations.nanmax;
import static io.zagg.Aggregations.nanmean;
import static io.zagg.Aggregations.nanmedian;
import static io.zagg.Aggregations.nanmin;
import static io.zagg.Aggregations.nanstd;
import static io.zagg.Aggregations.nansum;
import static io.zagg.Aggregations.nanvar;
import static io.zagg.Aggregations.quantile;
import static io.zagg.Aggregations.std;
import static io.zagg.Aggregations.sum;
import static io.zagg.Aggregations.tdigest;
import static io.zagg.Aggregations.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zagg.Aggregation;
import io.zagg.TDigests;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.MutableColumn;
import io.zagg.test.Goldens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every statistic of every golden case, compared bit for bit (any NaN equals any NaN). All cases
 * go through one {@link ShardReduction} as the cells of one shard, with empty cells between them.
 */
class NumpyGoldenTest {

    private static final String[] STATS = {"sum", "mean", "var", "std", "min", "max", "median",
        "nansum", "nanmean", "nanvar", "nanstd", "nanmin", "nanmax", "nanmedian"};

    /** Lays the cases out as cells 1, 3, 5, ... of one shard; even cells stay empty. */
    private static final class Shard {
        final List<String> names = new ArrayList<>();
        final List<float[]> xs = new ArrayList<>();
        final List<float[]> ws = new ArrayList<>();

        void add(String name, float[] x, float[] w) {
            names.add(name);
            xs.add(x);
            ws.add(w);
        }

        CellRuns runs() {
            long[] starts = new long[xs.size() + 1];
            int[] cells = new int[xs.size()];
            for (int k = 0; k < xs.size(); k++) {
                starts[k + 1] = starts[k] + xs.get(k).length;
                cells[k] = 2 * k + 1;
            }
            return new CellRuns(starts, cells, 2 * xs.size() + 1);
        }

        Map<String, Column> columns(DType dtype) {
            int n = xs.stream().mapToInt(a -> a.length).sum();
            MutableColumn x = Columns.allocate(dtype, n, 1);
            MutableColumn w = Columns.allocate(dtype, n, 1);
            int i = 0;
            for (int k = 0; k < xs.size(); k++) {
                for (int j = 0; j < xs.get(k).length; j++, i++) {
                    x.setDouble(i, xs.get(k)[j]);
                    w.setDouble(i, ws.get(k) == null ? 1.0 : ws.get(k)[j]);
                }
            }
            return Map.of("x", x, "w", w);
        }
    }

    @Test
    void numpy124ConformanceVectors() {
        Shard shard = new Shard();
        Goldens.numpy1Cases().forEach((name, c) -> shard.add(name, Goldens.floats(c.get("x")), c.has("w") ? Goldens.floats(c.get("w")) : null));
        List<Aggregation> fields = new ArrayList<>(List.of(count(), sum("x"), mean("x"), var("x"), std("x"), min("x"), max("x"),
                median("x"), nanmean("x"), nanvar("x"), nanmin("x"), nanmax("x"), average("x", "w"),
                histogram("x", 128, -100, 100).dtype(DType.INT64), tdigest("x", 64).as("td64"), tdigest("x", 256).as("td256")));
        JsonNode qs = Goldens.NUMPY1.get("cases").get(0).get("quantile");
        qs.fieldNames().forEachRemaining(q -> fields.add(quantile("x", Double.parseDouble(q)).as("q" + q)));
        ShardOutput out = new ShardReduction(fields).reduce(shard.columns(DType.FLOAT32), shard.runs());

        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (int k = 0; k < shard.names.size(); k++) {
            String name = shard.names.get(k);
            JsonNode c = Goldens.numpy1Cases().get(name);
            int cell = 2 * k + 1;
            assertEquals(c.get("n").asLong(), out.dense("count").getLong(cell), name + " count");
            for (String stat : new String[] {"sum", "mean", "var", "std", "min", "max", "median", "nanmean", "nanvar", "nanmin", "nanmax", "average"}) {
                JsonNode expected = c.get(stat);
                if (expected == null || expected.isNull()) {
                    // no average without weights; numpy's all-NaN nanmin/nanmax was stored as null (it is NaN)
                    if (stat.startsWith("nanm") && !stat.equals("nanmean")) {
                        assertTrue(Float.isNaN(out.dense("x_" + stat).getFloat(cell)), name + " " + stat);
                    }
                    continue;
                }
                checked++;
                float actual = out.dense(stat.equals("average") ? "x_average" : "x_" + stat).getFloat(cell);
                if (!Goldens.same(Goldens.f32(expected), actual)) {
                    mismatches.add(name + " " + stat + ": numpy " + Goldens.f32(expected) + ", ours " + actual);
                }
            }
            for (var q = c.get("quantile").fields(); q.hasNext(); ) {
                var e = q.next();
                checked++;
                float actual = out.dense("q" + e.getKey()).getFloat(cell);
                float expected = Goldens.f32(e.getValue());
                if (!Goldens.same(expected, actual)) {
                    mismatches.add(name + " q" + e.getKey() + ": numpy " + expected + ", ours " + actual);
                }
            }
            if (c.has("histogram")) {
                checked++;
                JsonNode h = c.get("histogram");
                assertEquals(128, h.get("bins").asInt());
                long[] actual = new long[128];
                for (int b = 0; b < 128; b++) {
                    actual[b] = out.dense("x_histogram").getLong(cell * 128L + b);
                }
                long[] expected = new long[128];
                for (int b = 0; b < 128; b++) {
                    expected[b] = h.get("counts").get(b).asLong();
                }
                if (!Arrays.equals(expected, actual)) {
                    mismatches.add(name + " histogram");
                }
            }
            for (String delta : new String[] {"64", "256"}) {
                checked++;
                float[] expected = Goldens.floats(c.get("tdigest").get(delta));
                float[] actual = payload(out.ragged("td" + delta), cell);
                if (!Arrays.equals(expected, actual)) {
                    mismatches.add(name + " tdigest " + delta + ": " + expected.length / 2 + " vs " + actual.length / 2 + " centroids");
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(checked > 28 * 15, "checked " + checked);
        for (int cell = 0; cell < shard.runs().cellCount(); cell += 2) {
            assertEquals(0, out.dense("count").getLong(cell));
            assertTrue(Float.isNaN(out.dense("x_mean").getFloat(cell)));
        }
    }

    @Test
    void numpy2Vectors() {
        for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
            Shard shard = new Shard();
            Goldens.NUMPY2.get("cases").forEach(c -> shard.add(c.get("name").asText(), Goldens.input(c, "x"), Goldens.input(c, "w")));
            String key = dtype.numpyName();
            List<Aggregation> fields = new ArrayList<>(List.of(sum("x"), mean("x"), var("x"), std("x"), min("x"), max("x"),
                    median("x"), nansum("x"), nanmean("x"), nanvar("x"), nanstd("x"), nanmin("x"), nanmax("x"), nanmedian("x"),
                    average("x", "w")));
            Goldens.NUMPY2.get("quantiles").forEach(q -> fields.add(quantile("x", q.asDouble()).as("q" + q.asDouble())));
            fields.replaceAll(a -> a.dtype(dtype));
            ShardOutput out = new ShardReduction(fields).reduce(shard.columns(dtype), shard.runs());

            List<String> mismatches = new ArrayList<>();
            int k = 0;
            for (JsonNode c : Goldens.NUMPY2.get("cases")) {
                int cell = 2 * k++ + 1;
                JsonNode expected = c.get(key);
                for (String stat : STATS) {
                    compare(mismatches, c, stat, expected.get(stat), out.dense("x_" + stat), cell, dtype);
                }
                for (var q = expected.get("quantile_array_q").fields(); q.hasNext(); ) {
                    var e = q.next();
                    Column ours = out.dense("q" + Double.parseDouble(e.getKey()));
                    compare(mismatches, c, "q" + e.getKey(), e.getValue(), ours, cell, dtype);
                    // zagg passes a Python-float q, which numpy 2 rounds to float32 with the index
                    double zaggRuntime = dtype == DType.FLOAT32 ? Goldens.f32(expected.get("quantile").get(e.getKey()))
                            : Goldens.f64(expected.get("quantile").get(e.getKey()));
                    double ours64 = ours.getDouble(cell);
                    assertTrue(Goldens.same(zaggRuntime, ours64) || Math.abs(zaggRuntime - ours64) <= 1e-5 * Math.abs(zaggRuntime),
                            c.get("name") + " q" + e.getKey() + ": numpy 2 with a Python-float q " + zaggRuntime + ", ours " + ours64);
                }
                if (expected.has("average")) {
                    // null: the weights sum to 0 (numpy raises ZeroDivisionError); the cell gets the fill, NaN
                    JsonNode avg = expected.get("average");
                    if (avg.isNull()) {
                        assertTrue(Double.isNaN(out.dense("x_average").getDouble(cell)), c.get("name") + " zero weights");
                    } else {
                        compare(mismatches, c, "average", avg, out.dense("x_average"), cell, dtype);
                    }
                }
            }
            assertEquals(List.of(), mismatches, key);
        }
    }

    private static void compare(List<String> mismatches, JsonNode c, String stat, JsonNode expected, Column out, int cell, DType dtype) {
        boolean same = dtype == DType.FLOAT32 ? Goldens.same(Goldens.f32(expected), out.getFloat(cell))
                : Goldens.same(Goldens.f64(expected), out.getDouble(cell));
        if (!same) {
            mismatches.add(c.get("name").asText() + " " + dtype.numpyName() + " " + stat + ": numpy "
                    + (dtype == DType.FLOAT32 ? Goldens.f32(expected) : Goldens.f64(expected)) + ", ours " + out.getDouble(cell));
        }
    }

    @Test
    void numpy2Histograms() {
        int checked = 0;
        int errors = 0;
        for (JsonNode c : Goldens.NUMPY2.get("cases")) {
            float[] x = Goldens.input(c, "x");
            for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
                for (JsonNode h : c.get(dtype.numpyName()).get("histograms")) {
                    int bins = h.get("bins").asInt();
                    Aggregation field = histogram("x", bins, h.get("lo").asDouble(), h.get("hi").asDouble()).dtype(DType.INT64);
                    Map<String, Column> cols = oneCell(x, dtype);
                    CellRuns runs = new CellRuns(new long[] {0, x.length}, new int[] {0}, 1);
                    if (h.has("error")) {
                        errors++;
                        assertThrows(IllegalArgumentException.class, () -> new ShardReduction(List.of(field)).reduce(cols, runs));
                        continue;
                    }
                    checked++;
                    MutableColumn counts = new ShardReduction(List.of(field)).reduce(cols, runs).dense("x_histogram");
                    long[] actual = new long[bins];
                    long[] expected = new long[bins];
                    for (int b = 0; b < bins; b++) {
                        actual[b] = counts.getLong(b);
                        expected[b] = h.get("counts").get(b).asLong();
                    }
                    assertEquals(Arrays.toString(expected), Arrays.toString(actual), c.get("name") + " " + dtype.numpyName() + " " + h);
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked + ", numpy errors " + errors);
    }

    @Test
    void numpy2TDigests() {
        int checked = 0;
        for (JsonNode c : Goldens.NUMPY2.get("cases")) {
            String name = c.get("name").asText();
            float[] x = Goldens.input(c, "x");
            for (var d = c.get("tdigest").fields(); d.hasNext(); ) {
                var e = d.next();
                assertTrue(Arrays.equals(Goldens.floats(e.getValue()), TDigests.build(x, Integer.parseInt(e.getKey()))), name + " delta " + e.getKey());
                checked++;
            }
            float[] digest = TDigests.build(x, 64);
            for (var q = c.get("tdigest_quantile_64").fields(); q.hasNext(); ) {
                var e = q.next();
                double expected = Goldens.f64(e.getValue());
                assertTrue(Goldens.same(expected, TDigests.quantile(digest, Double.parseDouble(e.getKey()))), name + " quantile " + e.getKey());
                checked++;
            }
            for (JsonNode pair : c.get("tdigest_cdf_64")) {
                double at = Goldens.f64(pair.get(0));
                assertTrue(Goldens.same(Goldens.f64(pair.get(1)), TDigests.cdf(digest, at)), name + " cdf at " + at);
                checked++;
            }
            int half = x.length / 2;
            float[] merged = TDigests.merge(TDigests.build(Arrays.copyOf(x, half), 64), TDigests.build(Arrays.copyOfRange(x, half, x.length), 64), 64);
            float[] expected = Goldens.floats(c.get("tdigest_merge_halves_64"));
            assertEquals(expected.length, merged.length, name + " merged centroids");
            for (int i = 0; i < merged.length; i++) {
                assertEquals(expected[i], merged[i], Math.ulp(expected[i]), name + " merged element " + i);
            }
            checked++;
        }
        assertTrue(checked > 600, "checked " + checked);
        assertFalse(Goldens.NUMPY2.get("cases").isEmpty());
    }

    static Map<String, Column> oneCell(float[] x, DType dtype) {
        MutableColumn c = Columns.allocate(dtype, x.length, 1);
        for (int i = 0; i < x.length; i++) {
            c.setDouble(i, x[i]);
        }
        return Map.of("x", c);
    }

    static float[] payload(RaggedBuilder r, int cell) {
        for (int k = 0; k < r.populated(); k++) {
            if (r.cell(k) == cell) {
                Column v = r.values();
                float[] a = new float[(int) (r.offset(k + 1) - r.offset(k)) * r.width()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = v.getFloat(r.offset(k) * r.width() + i);
                }
                return a;
            }
        }
        return new float[0];
    }
}
