package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DTypePromotionTest {

    private static Optional<DType> common(DType a, DType b) {
        return DTypePromotion.common(a, b);
    }

    @Test
    void safeWideningOnly() {
        assertEquals(Optional.of(DType.FLOAT64), common(DType.FLOAT32, DType.FLOAT64));
        assertEquals(Optional.of(DType.FLOAT32), common(DType.INT16, DType.FLOAT32));
        assertEquals(Optional.of(DType.FLOAT64), common(DType.INT32, DType.FLOAT32), "float32 cannot hold every int32");
        assertEquals(Optional.of(DType.FLOAT64), common(DType.UINT32, DType.FLOAT64));
        assertEquals(Optional.empty(), common(DType.INT64, DType.FLOAT64));
        assertEquals(Optional.of(DType.INT32), common(DType.INT8, DType.INT32));
        assertEquals(Optional.of(DType.UINT64), common(DType.UINT8, DType.UINT64));
        assertEquals(Optional.of(DType.INT16), common(DType.UINT8, DType.INT8));
        assertEquals(Optional.of(DType.INT64), common(DType.UINT32, DType.INT16));
        assertEquals(Optional.of(DType.INT32), common(DType.INT32, DType.UINT16));
        assertEquals(Optional.empty(), common(DType.UINT64, DType.INT64));
    }

    @Test
    void commonTypeIsSymmetricAndEveryValueSurvivesTheWidening() {
        DType[] all = DType.values();
        qt().forAll(integers().between(0, all.length - 1), integers().between(0, all.length - 1), integers().all()).checkAssert((i, j, v) -> {
            DType a = all[i];
            DType b = all[j];
            assertEquals(common(a, b), common(b, a));
            common(a, b).ifPresent(t -> {
                Column c = Columns.allocate(a, 1, 1);
                ((io.zagg.spi.MutableColumn) c).setLong(0, v);
                Column w = DTypePromotion.widen(c, t);
                assertEquals(t, w.dtype());
                if (a.isFloating()) {
                    assertEquals(c.getDouble(0), w.getDouble(0));
                } else if (t.isFloating()) {
                    assertEquals((double) c.getLong(0), w.getDouble(0));
                } else {
                    assertEquals(c.getLong(0), w.getLong(0), a + " -> " + t);
                }
            });
        });
    }

    @Test
    void noCommonTypeIsAnErrorNamingGranuleAndDataset() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DTypePromotion.promote(DType.FLOAT32, DType.INT64, "ATL03_b.h5", "/gt1l/heights/h_ph"));
        assertEquals("granule ATL03_b.h5, dataset /gt1l/heights/h_ph: int64 cannot be combined with float32 from the granules before it"
                + " without loss (only safe widening: integers to wider integers, integers of up to 16 bits to float32, of up to 32 bits"
                + " to float64, float32 to float64)", e.getMessage());
        assertEquals(DType.FLOAT64, DTypePromotion.promote(DType.FLOAT32, DType.FLOAT64, "ATL03_b.h5", "/gt1l/heights/h_ph"));
    }

    @Test
    void widenKeepsTheColumnWhenTheDtypeIsAlreadyRightAndRefusesNarrowing() {
        Column f = Columns.of(1.5f);
        assertSame(f, DTypePromotion.widen(f, DType.FLOAT32));
        assertEquals(1.5, DTypePromotion.widen(f, DType.FLOAT64).getDouble(0));
        assertEquals("float32 does not widen safely to int64",
                assertThrows(IllegalArgumentException.class, () -> DTypePromotion.widen(f, DType.INT64)).getMessage());
    }
}
