package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.floats;
import static org.quicktheories.generators.SourceDSL.lists;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The evaluator against values computed here independently: float32 arithmetic written out in
 * Java floats, numpy's pairwise sum re-implemented from its description, histograms counted by
 * hand, and numpy 2's promotion rules case by case.
 */
class ExpressionEvaluationTest {

    /** numpy's pairwise float32 sum, written from numpy's description (not the code under test). */
    static float pairwise(float[] a, int lo, int hi) {
        int n = hi - lo;
        if (n < 8) {
            float r = 0f;
            for (int i = lo; i < hi; i++) {
                r += a[i];
            }
            return r;
        }
        if (n <= 128) {
            float[] r = Arrays.copyOfRange(a, lo, lo + 8);
            int i = 8;
            for (; i < n - n % 8; i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[lo + i + j];
                }
            }
            float res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[lo + i];
            }
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return pairwise(a, lo, lo + half) + pairwise(a, lo + half, hi);
    }

    private static Val eval(String text, Map<String, Column> columns, ChunkValues chunk) {
        java.util.Set<String> names = new java.util.HashSet<>(columns.keySet());
        names.addAll(chunk.names());
        long rows = columns.isEmpty() ? 0 : columns.values().iterator().next().rows();
        return Expression.compile(text, new Checker.Scope(names, true)).evaluate(Namespace.of(columns, 0, rows).with(chunk));
    }

    private static Val eval(String text, Map<String, Column> columns) {
        return eval(text, columns, ChunkValues.none());
    }

    private static Val eval(String text) {
        return eval(text, Map.of());
    }

    private static Map<String, Column> cols(Object... nameAndColumn) {
        Map<String, Column> m = new LinkedHashMap<>();
        for (int i = 0; i < nameAndColumn.length; i += 2) {
            m.put((String) nameAndColumn[i], (Column) nameAndColumn[i + 1]);
        }
        return m;
    }

    private static float f32(Val v) {
        Scalar s = assertInstanceOf(Scalar.class, v);
        assertEquals(NumType.FLOAT32, s.type());
        return (float) s.d();
    }

    private static String error(String text, Map<String, Column> columns) {
        return assertThrows(EvaluationException.class, () -> eval(text, columns)).getMessage();
    }

    // ---- the shipped configs' formulas ----------------------------------------------------------

    @Test
    void inverseSquareStaysFloat32() {
        float[] s = {0.3f, 1.7f, 0.05f, 2.2f, 1e-3f};
        Arr w = assertInstanceOf(Arr.class, eval("1.0 / s_li**2", cols("s_li", Columns.of(s))));
        assertEquals(NumType.FLOAT32, w.type(), "a Python float does not promote a float32 array (NEP 50)");
        for (int i = 0; i < s.length; i++) {
            assertEquals(Float.floatToIntBits(1f / (s[i] * s[i])), Float.floatToIntBits(w.f32(i)));
        }
    }

    @Test
    void hSigmaIsBitExact() {
        Random random = new Random(7);
        for (int n : new int[] {1, 5, 8, 9, 127, 300, 1000}) {
            float[] s = new float[n];
            float[] w = new float[n];
            for (int i = 0; i < n; i++) {
                s[i] = 0.01f + random.nextFloat() * 2;
                w[i] = 1f / (s[i] * s[i]);
            }
            float expected = 1f / (float) Math.sqrt(pairwise(w, 0, n));
            float got = f32(eval("1.0 / np.sqrt(np.sum(1.0 / s_li**2))", cols("s_li", Columns.of(s))));
            assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(got), "n=" + n);
        }
    }

    private static final String GAIN =
            "np.float32(np.maximum(0.5, 2.0 ** np.ceil(np.log2(np.maximum(1e-6, np.max(h_ph) - np.min(h_ph)) / 128.0))))";

    @Test
    void gainIsThePowerOfTwoSpanningTheRangeFlooredAtHalfAMetre() {
        // range r -> r/128 -> ceil(log2) -> 2^k, at least 0.5 (worked out by hand)
        assertEquals(0.5f, f32(eval(GAIN, cols("h_ph", Columns.of(42.5f)))), "a single photon: range 0 -> 1e-6 -> 2^-26 -> 0.5");
        assertEquals(0.5f, f32(eval(GAIN, cols("h_ph", Columns.of(100f, 164f)))), "64/128 = 2^-1");
        assertEquals(1f, f32(eval(GAIN, cols("h_ph", Columns.of(100f, 164.1f)))), "just above 2^-1 -> ceil(-0.998) = -0 -> 1");
        assertEquals(1f, f32(eval(GAIN, cols("h_ph", Columns.of(0f, 128f)))));
        assertEquals(2f, f32(eval(GAIN, cols("h_ph", Columns.of(129f, 0f)))));
        assertEquals(4f, f32(eval(GAIN, cols("h_ph", Columns.of(10f, 50.5f, 300f)))), "290/128 = 2.27 -> 4");
        assertEquals(0.5f, f32(eval(GAIN, cols("h_ph", Columns.of(7f, 7f, 7f)))), "all equal heights");
    }

    @Test
    void offsetIsTheFloorOfTheLowestDem() {
        assertEquals(99f, f32(eval("np.float32(np.floor(np.min(dem_h)))", cols("dem_h", Columns.of(101.7f, 99.2f, 100.5f)))));
        assertEquals(-3f, f32(eval("np.float32(np.floor(np.min(dem_h)))", cols("dem_h", Columns.of(-2.5f)))));
    }

    @Test
    void waveformBinsAroundTheAnchor() {
        // offset 99, gain 0.5: 128 bins of 0.5 m over [85.5, 149.5]; the anchor 99.0 is bin 27
        ChunkValues chunk = new ChunkValues(Map.of("chunk_offset", Scalar.ofFloat(NumType.FLOAT32, 99),
                "chunk_gain", Scalar.ofFloat(NumType.FLOAT32, 0.5)));
        float[] h = {99.0f, 85.5f, 149.5f, 85.49f, 149.51f, Float.NaN, 99.24f, 99.25f, 120.0f};
        Val v = eval("np.histogram(h_ph, 128, (chunk_offset - 27.0 * chunk_gain, chunk_offset + 101.0 * chunk_gain))[0]"
                + ".astype('uint32')", cols("h_ph", Columns.of(h)), chunk);
        Arr counts = assertInstanceOf(Arr.class, v);
        assertEquals(NumType.UINT32, counts.type());
        long[] expected = new long[128];
        expected[0] = 1;   // 85.5, the low edge
        expected[27] = 3;  // 99.0, 99.24, 99.25 in [99.0, 99.5)
        expected[69] = 1;  // 120.0 = 85.5 + 69 * 0.5, an interior edge, opens bin 69
        expected[127] = 1; // 149.5, the high edge: the last bin is closed
        long[] got = new long[128];
        for (int i = 0; i < 128; i++) {
            got[i] = counts.i64(i);
        }
        assertArrayEquals(expected, got, "85.49, 149.51 and NaN fall outside and are dropped");
    }

    @Test
    void medianCentredWaveform() {
        float[] h = {10f, 12f, 13f, 11f, 140f};
        Val v = eval("np.histogram(h_ph - np.median(h_ph), 128, (-128.0, 128.0))[0].astype('uint32')", cols("h_ph", Columns.of(h)));
        Arr counts = assertInstanceOf(Arr.class, v);
        // median 12; offsets -2, 0, 1, -1, 128; bins of 2 m from -128: -2 -> 63, -1 -> 63, 0 -> 64, 1 -> 64, 128 -> 127
        assertEquals(2, counts.i64(63));
        assertEquals(2, counts.i64(64));
        assertEquals(1, counts.i64(127));
        long total = 0;
        for (int i = 0; i < 128; i++) {
            total += counts.i64(i);
        }
        assertEquals(5, total);
    }

    @Test
    void histogramErrorsAreNumpys() {
        Map<String, Column> h = cols("h", Columns.of(1f, 2f, 3f));
        assertEquals("supplied range of [nan, nan] is not finite",
                error("np.histogram(h, 4, (np.float32(np.nan) - 1.0, np.float32(np.nan) + 1.0))", h));
        assertEquals("max must be larger than min in range parameter.", error("np.histogram(h, 4, (2.0, 1.0))", h));
        assertEquals("Too many bins for data range. Cannot create 100 finite-sized bins.",
                error("np.histogram(h, 100, (np.float32(1.0), np.float32(1.0000001)))", h));
        assertEquals("`bins` must be positive, when an integer", error("np.histogram(h, 0)", h));
        assertEquals("`bins` must be an integer, not a float", error("np.histogram(h, 2.5)", h));
        assertEquals("autodetected range of [1.0, inf] is not finite",
                error("np.histogram(h, 2)", cols("h", Columns.of(1f, Float.POSITIVE_INFINITY))));
        Val.Tuple t = assertInstanceOf(Val.Tuple.class, eval("np.histogram(h, 2)", h));
        Arr edges = (Arr) t.items().get(1);
        assertEquals(NumType.FLOAT32, edges.type(), "edges of a float32 autodetected range are float32");
        assertEquals(List.of(1.0, 2.0, 3.0), List.of(edges.f64(0), edges.f64(1), edges.f64(2)));
    }

    // ---- numpy 2 promotion (NEP 50) ---------------------------------------------------------------

    private static NumType type(String text, Map<String, Column> columns) {
        return ((Numeric) eval(text, columns)).type();
    }

    @Test
    void promotion() {
        Map<String, Column> c = cols("f", Columns.of(1.5f, -2f), "d", Columns.of(1.5, -2.0),
                "i", Columns.wrap(new int[] {3, -4}, DType.INT32, 1), "j", Columns.wrap(new short[] {3, -4}, DType.INT16, 1),
                "u", Columns.wrap(new byte[] {(byte) 200, 1}, DType.UINT8, 1));
        assertEquals(NumType.FLOAT32, type("f * 2.5", c));
        assertEquals(NumType.FLOAT32, type("f * 2", c));
        assertEquals(NumType.FLOAT64, type("f + d", c));
        assertEquals(NumType.FLOAT64, type("i + f", c));
        assertEquals(NumType.FLOAT32, type("j + f", c));
        assertEquals(NumType.FLOAT64, type("i / 2", c));
        assertEquals(NumType.INT32, type("i * 3", c));
        assertEquals(NumType.FLOAT64, type("i * 2.5", c));
        assertEquals(NumType.INT64, type("(f > 0) + 1", c));
        assertEquals(NumType.INT16, type("u + np.int8(1)", c));
        assertEquals(NumType.FLOAT32, type("2.0 ** np.ceil(np.max(f))", c), "a float32 0-d value stays float32");
        assertEquals(NumType.FLOAT32, type("np.float32(np.mean(d))", c));
        assertEquals("Python integer 300 out of bounds for uint8", error("u + 300", c));
        assertEquals(44L, ((Scalar) eval("np.uint8(200) + np.uint8(100)")).l(), "numpy integers wrap");
        assertEquals(255L, ((Scalar) eval("-np.uint8(1)")).l());
        assertEquals(-128L, ((Scalar) eval("np.abs(np.int8(-128))")).l());
        assertEquals(NumType.FLOAT64, ((Scalar) eval("np.maximum(0.5, 2.0)")).type());
        assertTrue(!((Scalar) eval("np.maximum(0.5, 2.0)")).weak(), "numpy functions return numpy scalars");
    }

    @Test
    void pythonNumbersFollowPython() {
        assertEquals(Scalar.pyFloat(3.5), eval("7 / 2"));
        assertEquals(Scalar.pyInt(1024), eval("2 ** 10"));
        assertEquals(Scalar.pyFloat(0.5), eval("2 ** -1"));
        assertEquals(Scalar.pyInt(-6), eval("-(2 * 3)"));
        assertEquals("division by zero", error("1 / 0", Map.of()));
        assertEquals("float division by zero", error("1.0 / 0.0", Map.of()));
        assertEquals(Float.POSITIVE_INFINITY, f32(eval("np.float32(1) / 0")), "numpy scalars divide by zero to inf");
        assertEquals("integer result of 9223372036854775807 + 1 does not fit in 64 bits", error("9223372036854775807 + 1", Map.of()));
        assertEquals("Integers to negative integer powers are not allowed.", error("np.int32(7) ** -1", Map.of()));
    }

    @Test
    void comparisonsOfUnsignedWordsAreExact() {
        Map<String, Column> c = cols("w", Columns.wrap(new long[] {-1L, 5L}, DType.UINT64, 1));
        Arr gt = assertInstanceOf(Arr.class, eval("w > 6", c));
        assertEquals(List.of(true, false), List.of(gt.truth(0), gt.truth(1)), "2^64-1 > 6 although its bits are -1");
        Arr eq = assertInstanceOf(Arr.class, eval("w == -1", c));
        assertEquals(List.of(false, false), List.of(eq.truth(0), eq.truth(1)));
    }

    @Test
    void builtinsAndIndexing() {
        float[] h = new float[201];
        h[0] = 1f;
        Arrays.fill(h, 1, h.length, 1e-8f);
        Map<String, Column> c = cols("h", Columns.of(h));
        float sequential = 0f;
        for (float v : h) {
            sequential += v;
        }
        assertEquals(sequential, f32(eval("sum(h)", c)), "Python's sum adds one element at a time");
        assertEquals(pairwise(h, 0, h.length), f32(eval("np.sum(h)", c)));
        assertTrue(f32(eval("sum(h)", c)) != f32(eval("np.sum(h)", c)));
        assertEquals(Scalar.pyFloat(201 * 1.5), eval("len(h) * 1.5", c));
        assertEquals(Scalar.pyFloat(1.0), eval("float(np.max(h))", c));
        assertEquals(Scalar.pyInt(-2), eval("int(np.float32(-2.7))"));
        assertEquals(Scalar.ofFloat(NumType.FLOAT32, 1f + 1e-8f), eval("h[0] + h[-1]", c));
        assertEquals("index 201 is out of bounds for axis 0 with size 201", error("h[201]", c));
        assertEquals("tuple index 2 out of range (size 2)", error("np.histogram(h, 2)[2]", c));
        assertEquals("len() of unsized object (a numpy.float32)", error("len(h[0])", c));
        assertEquals("unsupported operand for +: a tuple of 2", error("h + np.histogram(h, 2)", c));
    }

    @Test
    void reductionErrors() {
        Map<String, Column> c = cols("h", Columns.of(1f, 2f, 3f));
        assertEquals("operands could not be broadcast together with shapes (3,) (2,)", error("h + np.histogram(h, 2)[0]", c));
        assertEquals("Quantiles must be in the range [0, 1]", error("np.quantile(h, 1.5)", c));
        assertEquals("Weights sum to zero, can't be normalized", error("np.average(h, weights=h - h)", c));
        assertEquals("np.sqrt of int8 values gives float16, which is not supported; cast first, e.g. np.sqrt(np.float32(x))",
                error("np.sqrt(np.int8(4))", c));
        assertEquals("cannot convert float NaN to uint32", error("np.float32(np.nan).astype('uint32')", c));
        assertEquals("'float' object has no attribute 'astype'", error("(1.5).astype('f4')", c));
    }

    // ---- properties: the evaluator against direct float32 arithmetic -----------------------------------

    private static float[] column(List<Float> values) {
        float[] a = new float[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    @Test
    void elementwiseArithmeticIsFloat32Arithmetic() {
        qt().withExamples(300).forAll(lists().of(floats().between(-1e4f, 1e4f)).ofSizeBetween(1, 300), floats().between(-100f, 100f))
                .check((values, k) -> {
                    float[] h = column(values);
                    float[] s = new float[h.length];
                    for (int i = 0; i < h.length; i++) {
                        s[i] = h[(i * 7 + 3) % h.length] * 0.5f + k;
                    }
                    Map<String, Column> c = cols("h", Columns.of(h), "s", Columns.of(s));
                    Arr a = (Arr) eval("h * s + 1.0 - h / 3.0", c);
                    Arr m = (Arr) eval("np.maximum(h, s)", c);
                    Arr b = (Arr) eval("(h > s) | (h < 0.0)", c);
                    for (int i = 0; i < h.length; i++) {
                        float expected = h[i] * s[i] + 1f - h[i] / 3f;
                        if (Float.floatToIntBits(a.f32(i)) != Float.floatToIntBits(expected)
                                || m.f32(i) != (h[i] > s[i] ? h[i] : s[i]) || b.truth(i) != (h[i] > s[i] || h[i] < 0f)) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    @Test
    void reductionsMatchTheirDefinitions() {
        qt().withExamples(300).forAll(lists().of(floats().between(-1e4f, 1e4f)).ofSizeBetween(1, 400)).check(values -> {
            float[] h = column(values);
            int n = h.length;
            Map<String, Column> c = cols("h", Columns.of(h));
            float sum = pairwise(h, 0, n);
            float mean = (float) ((double) sum / n);
            float[] sq = new float[n];
            for (int i = 0; i < n; i++) {
                float d = h[i] - mean;
                sq[i] = d * d;
            }
            float var = (float) ((double) pairwise(sq, 0, n) / n);
            float[] sorted = h.clone();
            Arrays.sort(sorted);
            float median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2f;
            return f32(eval("np.sum(h)", c)) == sum && f32(eval("np.mean(h)", c)) == mean && f32(eval("np.var(h)", c)) == var
                    && f32(eval("np.std(h)", c)) == (float) Math.sqrt(var) && f32(eval("np.median(h)", c)) == median
                    && f32(eval("np.min(h)", c)) == sorted[0] && f32(eval("np.max(h)", c)) == sorted[n - 1];
        });
    }
}
