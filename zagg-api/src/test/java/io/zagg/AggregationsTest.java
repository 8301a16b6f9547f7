package io.zagg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.Aggregation.Kind;
import io.zagg.spi.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AggregationsTest {

    @Test
    void defaultsFollowOneNamingRule() {
        assertEquals("count int32 0.0 SCALAR", summary(Aggregations.count()));
        assertEquals("h_min float32 NaN SCALAR", summary(Aggregations.min("h")));
        assertEquals("h_nanmedian float32 NaN SCALAR", summary(Aggregations.nanmedian("h")));
        assertEquals("h_var float32 NaN SCALAR", summary(Aggregations.var("h")));
        assertEquals("h_q25 float32 NaN SCALAR", summary(Aggregations.quantile("h", 0.25)));
        assertEquals("h_q2_5", Aggregations.quantile("h", 0.025).name());
        assertEquals("h_q100", Aggregations.quantile("h", 1).name());
        assertEquals("h_histogram float32 NaN VECTOR", summary(Aggregations.histogram("h", 128, -100, 100)));
        assertEquals(List.of(128), Aggregations.histogram("h", 128, -100, 100).shape());
        assertEquals("h_tdigest float32 NaN RAGGED", summary(Aggregations.tdigest("h", 256)));
        assertEquals(List.of(2), Aggregations.tdigest("h", 256).shape());
        assertEquals(List.of("h", "w"), Aggregations.average("h", "w").sources());
        assertEquals("h_average", Aggregations.average("h", "w").name());
        assertEquals(List.of(), Aggregations.count().sources());
    }

    private static String summary(Aggregation a) {
        return a.name() + " " + a.dtype().numpyName() + " " + a.fill() + " " + a.kind();
    }

    @Test
    void withersReturnChangedCopies() {
        Aggregation min = Aggregations.min("h_li");
        Aggregation renamed = min.as("h_min").dtype(DType.FLOAT64).fill(-9999);
        assertEquals("h_li_min", min.name());
        assertEquals(DType.FLOAT32, min.dtype());
        assertEquals("min(h_li) as h_min float64 fill -9999.0", renamed.toString());
        assertEquals(renamed, Aggregations.min("h_li").fill(-9999).dtype(DType.FLOAT64).as("h_min"));
        assertNotEquals(min, renamed);
        assertEquals("quantile(h_li, q=0.25) as h_li_q25 float32 fill NaN", Aggregations.quantile("h_li", 0.25).toString());
        assertEquals("histogram(h, bins=8, range=[0.0, 1.0]) as h_histogram uint32 fill 0.0 vector[8]",
                Aggregations.histogram("h", 8, 0, 1).dtype(DType.UINT32).toString());
        assertEquals("average(h, weights=w) as h_average float32 fill NaN", Aggregations.average("h", "w").toString());
    }

    @Test
    void integerDtypesNeedAnIntegerFill() {
        assertEquals(0.0, Aggregations.max("h").dtype(DType.INT32).fill());
        assertEquals("fill NaN of field 'h_max' cannot be stored in int32; give an integer fill in -2147483648..2147483647",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.max("h").dtype(DType.INT32).fill(Double.NaN)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Aggregations.max("h").fill(Double.NaN).dtype(DType.UINT8));
        assertThrows(IllegalArgumentException.class, () -> Aggregations.count().fill(-1).dtype(DType.UINT32));
        assertThrows(IllegalArgumentException.class, () -> Aggregations.count().fill(0.5));
        assertEquals(255.0, Aggregations.count().dtype(DType.UINT8).fill(255).fill());
    }

    @Test
    void argumentsAreCheckedEagerly() {
        assertEquals("quantile q 1.5 of h must be in [0, 1]",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.quantile("h", 1.5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Aggregations.quantile("h", Double.NaN));
        assertEquals("histogram bins 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.histogram("h", 0, 0, 1)).getMessage());
        assertEquals("histogram range [1.0, 0.0]: lo must not exceed hi",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.histogram("h", 4, 1, 0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Aggregations.histogram("h", 4, 0, Double.POSITIVE_INFINITY));
        assertEquals("tdigest delta 0 must be at least 1",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.tdigest("h", 0)).getMessage());
        assertEquals("source column must be a non-blank column name, not ' '",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.mean(" ")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Aggregations.mean("h").as("a/b")).getMessage()
                .contains("output name 'a/b' of mean(h)"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Aggregations.mean("h").vector(3)).getMessage()
                .contains("mean(h) has a fixed scalar shape"));
        assertThrows(IllegalArgumentException.class, () -> Aggregations.reduce("r", "h", v -> 0).vector(0));
        assertEquals(Kind.VECTOR, Aggregations.reduce("r", "h", v -> 0).vector(2, 3).kind());
        assertEquals(6, Aggregations.reduce("r", "h", v -> 0).vector(2, 3).width());
    }

    @Test
    void duplicateNamesAreOneClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Aggregations.requireUniqueNames(
                List.of(Aggregations.count(), Aggregations.min("h").as("lo"), Aggregations.quantile("h", 0.1).as("lo"))));
        assertEquals("output name 'lo' is used twice: by min(h) and by quantile(h, q=0.1); rename one with .as(\"...\")", e.getMessage());
        Aggregations.requireUniqueNames(List.of(Aggregations.min("h"), Aggregations.min("h").as("h_min2")));
    }

    @Test
    void configNamesResolveToTheBuiltIns() {
        assertEquals(Aggregations.nanmean("h"), Aggregations.function("np.nanmean", "h", Map.of()));
        assertEquals(Aggregations.count(), Aggregations.function("len", null, null));
        assertEquals(Aggregations.count(), Aggregations.function("count", "h", Map.of()));
        assertEquals(Aggregations.min("h"), Aggregations.function("numpy.amin", "h", Map.of()));
        assertEquals(Aggregations.quantile("h", 0.25), Aggregations.function("quantile", "h", Map.of("q", 0.25)));
        assertEquals(Aggregations.average("h", "w"), Aggregations.function("np.average", "h", Map.of("weights", "w")));
        assertEquals(Aggregations.histogram("h", 128, -1, 1),
                Aggregations.function("histogram", "h", Map.of("bins", 128, "range", List.of(-1, 1.0))));
        assertEquals(Aggregations.tdigest("h", 256),
                Aggregations.function("zagg.stats.tdigest.build_tdigest", "h", Map.of("delta", 256)));
        assertEquals(Aggregations.tdigest("h", 512), Aggregations.function("tdigest", "h", Map.of()));
    }

    @Test
    void badConfigNamesAndParamsAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Aggregations.function("np.ptp", "h", Map.of()));
        assertTrue(e.getMessage().startsWith("unknown aggregation function 'np.ptp'; known: count, sum, min,"), e.getMessage());
        assertTrue(e.getMessage().contains("nanmedian") && e.getMessage().contains("len"), e.getMessage());
        assertEquals("function quantile does not take parameter 'p' (it takes q)",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.function("quantile", "h", Map.of("p", 1))).getMessage());
        assertEquals("function mean does not take parameter 'q'",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.function("mean", "h", Map.of("q", 1))).getMessage());
        assertEquals("parameter 'q' of quantile must be a number, not '0.5'",
                assertThrows(IllegalArgumentException.class, () -> Aggregations.function("quantile", "h", Map.of("q", "0.5"))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Aggregations.function("histogram", "h", Map.of("bins", 4)))
                .getMessage().contains("needs parameter 'range' as [lo, hi]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Aggregations.function("average", "h", Map.of()))
                .getMessage().contains("needs parameter 'weights' naming a column"));
    }
}
