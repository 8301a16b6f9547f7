package io.zagg.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-cell and per-chunk entry points on the test configs: chunk_precompute over pooled rows,
 * expression fields per cell (scalar, vector, ragged, companions), empty cells, params and
 * expression filters.
 */
class FieldEvaluationTest {

    private static final ZaggConfig GAIN_BIAS = ZaggConfig.load(ConfigLoaderTest.resource("gain_bias_healpix.yaml"));

    private static FieldSpec field(ZaggConfig c, String name) {
        return c.aggregation().fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** A chunk of two cells: rows [0, 3) and [3, 5), sorted by cell as the executor sorts them. */
    private static Namespace pooledChunk() {
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("h_ph", Columns.of(101f, 103.5f, 140f, 99.9f, 108f));
        columns.put("ref_h", Columns.of(100.7f, 100.7f, 100.2f, 101.9f, 101.9f));
        return Namespace.of(columns, 0, 5);
    }

    @Test
    void chunkPrecomputeOverPooledRows() {
        ChunkValues v = GAIN_BIAS.aggregation().evaluateChunk(pooledChunk());
        // range 140 - 99.9 = 40.1 -> /64 = 0.627 -> ceil(log2) = 0 -> 1.0 (floor 0.25 not reached)
        assertEquals(1.0, v.scalar("gain"));
        assertEquals(100.0, v.scalar("anchor"), "floor(min(ref_h)) = floor(100.2)");
        assertEquals(103.5, v.scalar("middle"), "median of 5 heights");
        assertEquals(java.util.List.of("gain", "anchor", "middle"), java.util.List.copyOf(v.names()));
    }

    @Test
    void emptyChunkGetsNaNWithoutEvaluating() {
        ChunkValues v = GAIN_BIAS.aggregation().evaluateChunk(pooledChunk().rows(0, 0));
        assertTrue(Double.isNaN(v.scalar("gain")));
        Val gain = v.get("gain");
        assertEquals(NumType.FLOAT32, ((Scalar) gain).type(), "NaN of the declared dtype");
        assertEquals(NumType.FLOAT64, ((Scalar) v.get("middle")).type(), "float64 NaN without a dtype");
    }

    @Test
    void integerPrecomputeOfAnEmptyChunkIsAnError() {
        ZaggConfig c = ConfigLoader.standard().parse("data_source: {variables: {h: /h}}\n"
                + "aggregation: {chunk_precompute: {n: {function: len, source: h, dtype: int32}}, variables: {m: {function: max, source: h}}}\n"
                + "output: {grid: {type: healpix, parent_order: 1, child_order: 3}}\n", "p.yaml");
        Namespace empty = Namespace.of(Map.of("h", Columns.of(new float[0])), 0, 0);
        EvaluationException e = assertThrows(EvaluationException.class, () -> c.aggregation().evaluateChunk(empty));
        assertEquals("chunk_precompute 'n': a chunk without rows has no int32 value (numpy cannot make an integer NaN)", e.getMessage());
        Namespace three = Namespace.of(Map.of("h", Columns.of(1f, 2f, 3f)), 0, 3);
        Scalar n = (Scalar) c.aggregation().evaluateChunk(three).get("n");
        assertEquals(NumType.INT32, n.type());
        assertEquals(3, n.l(), "a count precompute is the pooled length");
    }

    @Test
    void waveformPerCell() {
        Namespace chunk = pooledChunk();
        ChunkValues values = GAIN_BIAS.aggregation().evaluateChunk(chunk);
        // window [anchor - 16 gain, anchor + 48 gain] = [84, 148], 64 bins of 1 m
        CellValue first = field(GAIN_BIAS, "waveform").evaluate(chunk.rows(0, 3).with(values));
        Column counts = assertInstanceOf(CellValue.VectorValue.class, first).values();
        assertEquals(DType.UINT32, counts.dtype());
        assertEquals(64, counts.rows());
        long[] got = new long[64];
        for (int i = 0; i < 64; i++) {
            got[i] = counts.getLong(i);
        }
        long[] expected = new long[64];
        expected[17] = 1; // 101.0
        expected[19] = 1; // 103.5
        expected[56] = 1; // 140.0
        assertArrayEquals(expected, got);
    }

    @Test
    void companionsCarryTheChunkValueEvenInEmptyCells() {
        Namespace chunk = pooledChunk();
        ChunkValues values = GAIN_BIAS.aggregation().evaluateChunk(chunk);
        Namespace emptyCell = chunk.rows(5, 5).with(values);
        assertEquals(new CellValue.ScalarValue(100.0), field(GAIN_BIAS, "anchor_h").evaluate(chunk.rows(3, 5).with(values)));
        assertEquals(new CellValue.ScalarValue(100.0), field(GAIN_BIAS, "anchor_h").evaluate(emptyCell));
        assertEquals(new CellValue.ScalarValue(1.0), field(GAIN_BIAS, "gain_h").evaluate(emptyCell),
                "the expression ' gain ' is a bare name once stripped, as zagg strips it");
        assertEquals(new CellValue.ScalarValue(-1.0), field(GAIN_BIAS, "above_middle").evaluate(emptyCell), "other scalars: the fill value");
        assertEquals(new CellValue.ScalarValue(1.0), field(GAIN_BIAS, "above_middle").evaluate(chunk.rows(0, 3).with(values)),
                "one of 101, 103.5, 140 is above the chunk median 103.5");
        CellValue.VectorValue empty = assertInstanceOf(CellValue.VectorValue.class, field(GAIN_BIAS, "waveform").evaluate(emptyCell));
        assertEquals(64, empty.values().rows());
        assertEquals(0, empty.values().getLong(10), "an empty vector is the fill value");
    }

    @Test
    void raggedRowsAndEmptyCells() {
        ZaggConfig c = ZaggConfig.load(ConfigLoaderTest.resource("tdigest_healpix.yaml"));
        Namespace cell = Namespace.of(Map.of("h_ph", Columns.of(0.5f, 1.5f, 1.7f, 3.9f, 9f)), 0, 5);
        Column rows = assertInstanceOf(CellValue.RaggedValue.class, field(c, "pairs").evaluate(cell)).rows();
        assertEquals(2, rows.width());
        assertEquals(2, rows.rows(), "4 counts read as rows of inner_shape [2]");
        assertEquals(DType.INT64, rows.dtype());
        assertEquals(java.util.List.of(1L, 2L, 0L, 1L), java.util.List.of(rows.getLong(0), rows.getLong(1), rows.getLong(2), rows.getLong(3)));
        assertEquals(0, ((CellValue.RaggedValue) field(c, "pairs").evaluate(cell.rows(0, 0))).rows().rows());
        assertEquals(new CellValue.ScalarValue(0), field(c, "photons").emptyValue(cell.rows(0, 0)), "a count is 0 in an empty cell");
        assertEquals(0, ((CellValue.RaggedValue) field(c, "digest").emptyValue(cell.rows(0, 0))).rows().rows());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> field(c, "digest").evaluate(cell));
        assertEquals("Variable 'digest' is a function field (zagg.stats.tdigest.build_tdigest); the reducer registry evaluates it",
                e.getMessage());
    }

    private static ZaggConfig oneField(String definition) {
        return ConfigLoader.standard().parse("data_source: {variables: {h: /h}}\n"
                + "aggregation: {variables: {x: " + definition + "}}\n"
                + "output: {grid: {type: healpix, parent_order: 1, child_order: 3}}\n", "f.yaml");
    }

    @Test
    void shapeErrorsUseZaggsMessages() {
        Namespace cell = Namespace.of(Map.of("h", Columns.of(1f, 2f, 3f)), 0, 3);
        FieldSpec scalar = oneField("{expression: 'h * 2'}").aggregation().fields().get(0);
        assertEquals("scalar field 'x': expression 'h * 2' produced a non-scalar of shape (3,); a kind: scalar field requires a scalar"
                + " result (declare 'kind: vector' to store an array per cell)",
                assertThrows(EvaluationException.class, () -> scalar.evaluate(cell)).getMessage());
        FieldSpec vector = oneField("{expression: 'np.histogram(h, 4)[0]', kind: vector, trailing_shape: 5, dtype: int32, fill_value: 0}")
                .aggregation().fields().get(0);
        assertEquals("Variable 'x': vector field produced shape (4,), expected (5,)",
                assertThrows(EvaluationException.class, () -> vector.evaluate(cell)).getMessage());
        FieldSpec ragged = oneField("{expression: 'h', kind: ragged, inner_shape: 2}").aggregation().fields().get(0);
        assertEquals("Variable 'x': cannot reshape array of size 3 into shape (2)",
                assertThrows(EvaluationException.class, () -> ragged.evaluate(cell)).getMessage());
        FieldSpec failing = oneField("{expression: 'np.quantile(h, 2.0)'}").aggregation().fields().get(0);
        assertEquals("Variable 'x': expression 'np.quantile(h, 2.0)': Quantiles must be in the range [0, 1]",
                assertThrows(EvaluationException.class, () -> failing.evaluate(cell)).getMessage());
    }

    @Test
    void vectorIsCastToTheFieldDtype() {
        Namespace cell = Namespace.of(Map.of("h", Columns.of(1.9f, -2.5f, 300.7f)), 0, 3);
        FieldSpec f = oneField("{expression: 'h * 1.0', kind: vector, trailing_shape: [3], dtype: int16, fill_value: 0}")
                .aggregation().fields().get(0);
        Column v = ((CellValue.VectorValue) f.evaluate(cell)).values();
        assertEquals(java.util.List.of(1L, -2L, 300L), java.util.List.of(v.getLong(0), v.getLong(1), v.getLong(2)),
                "numpy's astype truncates toward zero");
    }

    @Test
    void paramsResolvePerCell() {
        ZaggConfig c = ZaggConfig.load(ConfigLoaderTest.resource("atl06_healpix.yaml"));
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("h_li", Columns.of(10f, 20f, 30f, 40f));
        columns.put("s_li", Columns.of(0.5f, 0.25f, 2f, 4f));
        Namespace cell = Namespace.of(columns, 1, 3);
        Param weights = field(c, "weighted").function().get().params().get("weights");
        ParamValue.Rows w = assertInstanceOf(ParamValue.Rows.class, weights.resolve(cell));
        assertEquals(DType.FLOAT32, w.column().dtype());
        assertEquals(2, w.end() - w.start());
        assertEquals(16f, w.column().getFloat(w.start()), "1 / 0.25^2");
        assertEquals(0.25f, w.column().getFloat(w.start() + 1), "1 / 2^2");
        assertEquals(new ParamValue.Literal(0.9), field(c, "p90").function().get().params().get("q").resolve(cell));
        ParamValue.Rows direct = assertInstanceOf(ParamValue.Rows.class, new Param.ColumnRef("s_li").resolve(cell));
        assertEquals(columns.get("s_li"), direct.column(), "a column param is read in place");
        assertEquals(1, direct.start());
        assertEquals(3, direct.end());
        assertEquals(new CellValue.ScalarValue(1f / (float) Math.sqrt(16f + 0.25f)), field(c, "sigma").evaluate(cell),
                "rows 1 and 2 only: 1 / sqrt(16 + 0.25) in float32");
    }

    @Test
    void expressionFilterMasks() {
        ZaggConfig c = ZaggConfig.load(ConfigLoaderTest.resource("expression_filter.yaml"));
        Map<String, Column> columns = new LinkedHashMap<>();
        columns.put("h_li", Columns.of(-150f, 10f, 20f, Float.NaN));
        columns.put("s_li", Columns.of(0.1f, 0.5f, 3f, 0.1f));
        Namespace beam = Namespace.of(columns, 0, 4);
        assertArrayEquals(new boolean[] {false, true, false, false}, c.dataSource().expressionFilters().get(0).mask(beam));
        assertArrayEquals(new boolean[] {true, true, true, false}, c.dataSource().expressionFilters().get(1).mask(beam));
        ZaggConfig scalarFilter = ConfigLoader.standard().parse("data_source: {variables: {h: /h}, filters: [{expression: 'np.max(h) > 0'}]}\n"
                + "aggregation: {variables: {m: {function: max, source: h}}}\n"
                + "output: {grid: {type: healpix, parent_order: 1, child_order: 3}}\n", "f.yaml");
        EvaluationException e = assertThrows(EvaluationException.class,
                () -> scalarFilter.dataSource().expressionFilters().get(0).mask(Namespace.of(Map.of("h", Columns.of(1f, 2f)), 0, 2)));
        assertEquals("expression filter 'np.max(h) > 0' must yield a per-row boolean mask (got shape (), expected (2,))", e.getMessage());
    }

    @Test
    void theReaderCompilesExpressionFiltersOverTheConfigsColumns() {
        ZaggConfig c = ZaggConfig.load(ConfigLoaderTest.resource("expression_filter.yaml"));
        io.zagg.read.ExpressionCompiler compiler = c.dataSource().expressionCompiler();
        Map<String, Column> beam = new LinkedHashMap<>();
        beam.put("h_li", Columns.of(-150f, 10f, 20f, 5f, 99f));
        beam.put("s_li", Columns.of(0.1f, 0.5f, 3f, 0.1f, 0.2f));
        assertArrayEquals(new boolean[] {false, true, false, true}, compiler.compile("(h_li > -100.0) & (s_li < 1.0)").test(beam, 4),
                "the first 4 rows");
        assertArrayEquals(c.dataSource().expressionFilters().get(0).mask(Namespace.of(beam, 0, 5)),
                c.dataSource().expressionFilters().get(0).test(beam, 5));
        assertEquals("expression filter 'h_li.mean() > 0' uses unsupported method 'mean' (supported: astype)",
                assertThrows(IllegalArgumentException.class, () -> compiler.compile("h_li.mean() > 0")).getMessage());
        assertEquals("expression filter references 'q' which is not in data_source.variables or numpy namespace",
                assertThrows(IllegalArgumentException.class, () -> compiler.compile("q > 0")).getMessage());
    }

    @Test
    void namespacesCheckTheirRuns() {
        Map<String, Column> columns = Map.of("h", Columns.of(1f, 2f));
        assertEquals("column 'h' has 2 rows, fewer than the run end 3",
                assertThrows(IllegalArgumentException.class, () -> Namespace.of(columns, 0, 3)).getMessage());
        assertEquals("row run [2, 1) is not a run of rows",
                assertThrows(IllegalArgumentException.class, () -> Namespace.of(columns, 2, 1)).getMessage());
        FieldSpec f = oneField("{expression: 'np.max(h)'}").aggregation().fields().get(0);
        EvaluationException e = assertThrows(EvaluationException.class, () -> f.evaluate(Namespace.of(Map.of("k", Columns.of(1f)), 0, 1)));
        assertEquals("Variable 'x': expression 'np.max(h)': name 'h' is not defined (available: k)", e.getMessage());
    }
}
