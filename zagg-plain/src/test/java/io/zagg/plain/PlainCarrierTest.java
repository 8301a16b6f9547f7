package io.zagg.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What PLAIN does beyond the contract: it adopts the reader's arrays instead of copying them. */
class PlainCarrierTest {

    private final Carrier carrier = new PlainCarrierProvider().create(CarrierContext.of(1L << 20, "test-shard"));

    @AfterEach
    void close() {
        carrier.close();
    }

    @Test
    void loadAndASingleReadConcatAdoptTheReadersArrays() {
        float[] h = {1f, 2f};
        byte[] conf = new byte[10];
        Batch read = carrier.load(InputBatch.builder("g /gt1l")
                .column("h_ph", Columns.wrap(h, DType.FLOAT32, 1))
                .column("signal_conf_ph", Columns.wrap(conf, DType.INT8, 5))
                .build());
        assertSame(h, Columns.arrayOf(read.column("h_ph")));
        Batch all = carrier.concat(List.of(read));
        assertSame(h, Columns.arrayOf(all.column("h_ph")));
        assertSame(conf, Columns.arrayOf(all.column("signal_conf_ph")));
        assertEquals(2 * 4 + 10, carrier.memory().peakBytes(), "nothing was copied");
    }

    @Test
    void concatOfSeveralReadsCopiesIntoOneArray() {
        float[] a = {1f};
        Batch first = carrier.load(InputBatch.builder("a").column("h", Columns.wrap(a, DType.FLOAT32, 1)).build());
        Batch second = carrier.load(InputBatch.builder("b").column("h", Columns.of(2f)).build());
        Batch all = carrier.concat(List.of(first, second));
        assertNotSame(a, Columns.arrayOf(all.column("h")));
        assertEquals(8, carrier.memory().heldBytes());
    }

    @Test
    void aColumnBeyondAJavaArrayIsRefusedNamingTheArrowCarrier() {
        Batch out = carrier.newBatch(3_000_000_000L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> out.add("count", DType.INT8, 1));
        assertEquals("the plain carrier holds at most 2147483639 elements per column (a Java array's limit); a column of"
                + " 3000000000 rows × 1 needs more — use the arrow carrier", e.getMessage());
    }
}
