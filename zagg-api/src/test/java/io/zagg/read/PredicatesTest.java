package io.zagg.read;

import static io.zagg.read.TestMasks.b;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zagg.Layout.Filter;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import org.junit.jupiter.api.Test;

/** Every structured op, {@code keep: false}, the N-D {@code column} rule and numpy's comparison rules. */
class PredicatesTest {

    private static final Column INTS = Columns.wrap(new int[] {-2, -1, 0, 1, 2}, DType.INT32, 1);
    private static final String D = "/{group}/x";

    private static boolean[] mask(Column c, Filter f) {
        return Predicates.mask(c, f, "/gt1l/x");
    }

    @Test
    void everyOperator() {
        assertArrayEquals(b(0, 0, 1, 0, 0), mask(INTS, Filter.eq(D, 0)));
        assertArrayEquals(b(1, 1, 0, 1, 1), mask(INTS, Filter.ne(D, 0)));
        assertArrayEquals(b(0, 0, 1, 1, 1), mask(INTS, Filter.ge(D, 0)));
        assertArrayEquals(b(1, 1, 1, 0, 0), mask(INTS, Filter.le(D, 0)));
        assertArrayEquals(b(1, 1, 0, 0, 0), mask(INTS, Filter.lt(D, 0)));
        assertArrayEquals(b(0, 0, 0, 1, 1), mask(INTS, Filter.gt(D, 0)));
        assertArrayEquals(b(1, 0, 0, 0, 1), mask(INTS, Filter.in(D, -2, 2)));
        assertArrayEquals(b(0, 1, 1, 1, 0), mask(INTS, Filter.notIn(D, -2, 2)));
        assertArrayEquals(b(0, 0, 0, 0, 0), mask(INTS, Filter.in(D)), "in an empty list");
    }

    @Test
    void keepFalseDropsTheMatches() {
        assertArrayEquals(b(1, 1, 0, 1, 1), mask(INTS, Filter.eq(D, 0).drop()));
        assertArrayEquals(b(0, 1, 1, 1, 0), mask(INTS, Filter.in(D, -2, 2).drop()));
    }

    @Test
    void columnSelectsOneValueOfEachRowOfA2dDataset() {
        // signal_conf_ph-like rows: TEP (-2) in every column, in column 0 only, and nowhere
        Column conf = Columns.wrap(new byte[] {-2, -2, -2, -2, -2, -2, 4, 4, 4, 4, 3, 3, 3, 3, 3}, DType.INT8, 5);
        assertArrayEquals(b(0, 0, 1), mask(conf, Filter.ne(D, -2).column(0)));
        assertArrayEquals(b(0, 1, 1), mask(conf, Filter.ne(D, -2).column(1)));
        assertArrayEquals(b(0, 1, 1), mask(conf, Filter.ne(D, -2).column(-1)), "negative columns count from the end, as numpy");
        assertEquals("filter on '/{group}/x': N-D array requires an integer 'column'",
                assertThrows(BeamFailure.class, () -> mask(conf, Filter.ne(D, -2))).getMessage());
        assertEquals("filter on '/{group}/x': column -6 is out of range for rows of 5 values",
                assertThrows(BeamFailure.class, () -> mask(conf, Filter.ne(D, -2).column(-6))).getMessage());
        BeamFailure oneD = assertThrows(BeamFailure.class, () -> mask(INTS, Filter.ne(D, -2).column(0)));
        assertEquals("filter on '/{group}/x': 'column' set but array is 1-D", oneD.getMessage());
        assertEquals("/gt1l/x", oneD.dataset());
    }

    @Test
    void aScalarIsRoundedToFloat32BeforeComparingWithAFloat32Dataset() {
        // numpy 2: float32(0.1) == 0.1 is True (the Python float is weak); np.isin compares in float64
        Column f = Columns.of(0.1f, 0.2f);
        assertArrayEquals(b(1, 0), mask(f, Filter.eq(D, 0.1)));
        assertArrayEquals(b(0, 0), mask(f, Filter.in(D, 0.1)));
        assertArrayEquals(b(0, 1), mask(f, Filter.gt(D, 0.1)));
    }

    @Test
    void nanEqualsNothingAndSignedZerosAreEqual() {
        Column d = Columns.of(Double.NaN, -0.0, 1.0);
        assertArrayEquals(b(0, 0, 0), mask(d, Filter.eq(D, Double.NaN)));
        assertArrayEquals(b(1, 1, 1), mask(d, Filter.ne(D, Double.NaN)));
        assertArrayEquals(b(0, 1, 0), mask(d, Filter.eq(D, 0.0)));
        assertArrayEquals(b(0, 0, 1), mask(d, Filter.gt(D, 0)));
    }

    @Test
    void integersCompareExactlyAndUnsignedValuesStayUnsigned() {
        Column big = Columns.wrap(new long[] {9007199254740993L, 9007199254740992L}, DType.INT64, 1);
        assertArrayEquals(b(1, 0), mask(big, Filter.eq(D, 9007199254740993L)), "beyond 2^53 a double could not tell them apart");
        Column u8 = Columns.wrap(new byte[] {(byte) 200, 1}, DType.UINT8, 1);
        assertArrayEquals(b(1, 0), mask(u8, Filter.gt(D, 100)));
        assertArrayEquals(b(1, 0), mask(u8, Filter.eq(D, 200.0)));
    }
}
