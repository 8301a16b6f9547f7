package io.zagg.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputBatchTest {

    @Test
    void columnsKeepTheirOrderAndCountTheirValueBytes() {
        InputBatch b = InputBatch.builder("g /gt1l")
                .column("lat_ph", Columns.of(1.0, 2.0))
                .column("signal_conf_ph", Columns.wrap(new byte[10], DType.INT8, 5))
                .build();
        assertEquals(List.of("lat_ph", "signal_conf_ph"), b.names());
        assertEquals(2, b.rows());
        assertEquals(2 * 8 + 10, b.valueBytes());
        assertEquals("g /gt1l: 2 rows [lat_ph float64, signal_conf_ph int8×5]", b.toString());
    }

    @Test
    void columnsOfDifferentLengthsAreRejected() {
        InputBatch.Builder b = InputBatch.builder("g /gt1l").column("lat_ph", Columns.of(1.0, 2.0));
        assertEquals("input batch g /gt1l: column 'h_ph' has 1 rows but the batch has 2",
                assertThrows(IllegalArgumentException.class, () -> b.column("h_ph", Columns.of(1f))).getMessage());
        assertEquals("input batch g /gt1l already has a column 'lat_ph'",
                assertThrows(IllegalArgumentException.class, () -> b.column("lat_ph", Columns.of(1.0, 2.0))).getMessage());
        assertEquals("input batch g /gt2l has no columns",
                assertThrows(IllegalArgumentException.class, () -> InputBatch.builder("g /gt2l").build()).getMessage());
    }

    @Test
    void nullsAreCountedFromTheValidityMaskWithinTheRows() {
        BitSet valid = new BitSet();
        valid.set(0);
        valid.set(2, 100);   // bits beyond the rows do not count
        InputBatch b = InputBatch.builder("g").column("leaf_id", Columns.of(1.0, 2.0, 3.0), valid).column("h", Columns.of(1.0, 2.0, 3.0)).build();
        assertEquals(1, b.nullCount("leaf_id"));
        assertEquals(0, b.nullCount("h"));
        valid.clear(0);   // the mask was copied when added
        assertEquals(1, b.nullCount("leaf_id"));
        assertEquals("carrier 'x' requires null-free columns (HDF5 has no nulls and the kernels have no null semantics);"
                + " g has nulls in [leaf_id (1 of 3 rows)]", assertThrows(IllegalArgumentException.class, () -> b.requireNullFree("x")).getMessage());
    }
}
