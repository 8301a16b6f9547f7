package io.zagg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;

import io.zagg.Carriers;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;
import io.zagg.spi.testkit.CarrierIdentity;
import io.zagg.spi.testkit.ColumnCase;
import io.zagg.spi.testkit.ShardCases;
import io.zagg.spi.testkit.StagePipeline;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every carrier on the class path — PLAIN, ARROW and the example chunked carrier, found by
 * ServiceLoader — encodes identical bytes for the same shard through the whole stage sequence.
 */
class CarrierByteIdentityTest {

    private static final CarrierContext CONTEXT = CarrierContext.of(1L << 28, "identity");

    private static List<CarrierProvider> discovered() {
        return Carriers.names().stream().map(Carriers::named).toList();
    }

    @Test
    void everyCarrierIsDiscovered() {
        assertEquals(List.of("arrow", "chunked", "plain"), Carriers.names());
        assertEquals(List.of(), Carriers.problems());
    }

    @Test
    void everyCarrierEncodesTheSameBytesForEveryShard() {
        qt().withExamples(100).withShrinkCycles(300).forAll(ShardCases.shardCases())
                .checkAssert(shard -> CarrierIdentity.assertIdentical(discovered(), CONTEXT, carrier -> StagePipeline.run(carrier, shard)));
    }

    @Test
    void everyCarrierMovesEveryDtypeBitForBit() {
        qt().withExamples(200).forAll(ColumnCase.columnCases()).checkAssert(c -> CarrierIdentity.assertIdentical(discovered(), CONTEXT,
                carrier -> new TreeMap<>(Map.of("x", c.encodeThrough(carrier)))));
    }

    @Test
    void aDifferenceIsReportedWithBothCarriersTheObjectAndTheByte() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> CarrierIdentity.assertIdentical(discovered(), CONTEXT, carrier -> {
                    SortedMap<String, byte[]> objects = new TreeMap<>();
                    objects.put("h_min/c/0", new byte[] {0, (byte) (carrier.name().equals("plain") ? 1 : 0)});
                    return objects;
                }));
        assertEquals("carrier 'plain' differs from carrier 'arrow' at h_min/c/0: byte 1 is 0x01, expected 0x00\n"
                + "  carrier 'arrow': 0000\n  carrier 'plain': 0001", e.getMessage());
    }
}
