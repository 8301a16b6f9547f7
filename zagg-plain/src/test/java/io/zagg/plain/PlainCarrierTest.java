package io.zagg.plain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.ColumnChain;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import io.zagg.spi.ShardStage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What PLAIN does beyond the contract: it adopts the reader's arrays and chains them instead of copying them. */
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
    void concatOfSeveralReadsChainsTheirArraysAndGatherCopiesThemIntoOne() {
        float[] a = {1f, 2f};
        float[] b = {3f};
        Batch first = carrier.load(InputBatch.builder("a").column("h", Columns.wrap(a, DType.FLOAT32, 1)).build());
        Batch second = carrier.load(InputBatch.builder("b").column("h", Columns.wrap(b, DType.FLOAT32, 1)).build());
        carrier.enter(ShardStage.CONCAT);
        Batch all = carrier.concat(List.of(first, second));
        ColumnChain chain = assertInstanceOf(ColumnChain.class, all.column("h"));
        assertSame(a, Columns.arrayOf(chain.part(0)));
        assertSame(b, Columns.arrayOf(chain.part(1)));
        assertEquals(12, carrier.memory().heldBytes(), "the reads' arrays, now the chain's");
        assertEquals(12, carrier.memory().stagePeaks().get(ShardStage.CONCAT), "concat added no byte");
        assertEquals(3f, all.column("h").getFloat(2));

        carrier.enter(ShardStage.SORT);
        all.gather(Columns.wrap(new int[] {2, 0, 1}, DType.INT32, 1));
        assertArrayEquals(new float[] {3f, 1f, 2f}, (float[]) Columns.arrayOf(all.column("h")), "one array, in order");
        assertEquals(24, carrier.memory().stagePeaks().get(ShardStage.SORT), "the chain and its sorted copy");
        assertEquals(12, carrier.memory().heldBytes(), "the chain's arrays were released with it");
        all.close();
        assertEquals(0, carrier.memory().heldBytes());
    }

    @Test
    void aColumnBeyondAJavaArrayIsRefusedNamingTheArrowCarrier() {
        Batch out = carrier.newBatch(3_000_000_000L);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> out.add("count", DType.INT8, 1));
        assertEquals("the plain carrier holds at most 2147483639 elements per column (a Java array's limit); a column of"
                + " 3000000000 rows × 1 needs more — use the arrow carrier", e.getMessage());
    }

    @Test
    void encodeWritesIntoTheCallersScratchWithoutABufferOfItsOwn() {
        Batch out = carrier.newBatch(1000);
        out.add("h_min", DType.FLOAT32, 1).setDouble(999, 2.5);
        long peak = carrier.memory().peakBytes();
        ByteBuffer scratch = ByteBuffer.allocateDirect(8192);
        ByteBuffer encoded = out.encode("h_min", 0, 1000, scratch);
        assertTrue(encoded.isDirect(), "a view of the direct scratch, not a heap copy");
        assertEquals(4000, encoded.remaining());
        assertEquals(2.5f, scratch.order(ByteOrder.LITTLE_ENDIAN).getFloat(4 * 999), "the bytes are in the scratch");
        assertEquals(peak, carrier.memory().peakBytes(), "no copy of the carrier's was counted");
        out.encode("h_min", 0, 1000);
        assertEquals(peak + 4000, carrier.memory().peakBytes(), "without a scratch the copy counts toward the peak");
    }
}
