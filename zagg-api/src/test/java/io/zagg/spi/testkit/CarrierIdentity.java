package io.zagg.spi.testkit;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * Byte identity across carriers: runs the same work through each carrier and requires every
 * carrier's objects to equal the first one's, key for key and byte for byte. The work is any
 * function from an open carrier to named objects — today {@link StagePipeline#run}, later a
 * whole store written through the pipeline.
 */
public final class CarrierIdentity {

    private CarrierIdentity() {
    }

    /**
     * @throws AssertionError naming both carriers, the first differing object and byte
     */
    public static void assertIdentical(List<CarrierProvider> carriers, CarrierContext context,
            Function<Carrier, SortedMap<String, byte[]>> work) {
        String firstName = null;
        SortedMap<String, byte[]> first = null;
        for (CarrierProvider provider : carriers) {
            SortedMap<String, byte[]> objects;
            try (Carrier carrier = provider.create(context)) {
                objects = work.apply(carrier);
            }
            if (first == null) {
                firstName = "carrier '" + provider.name() + "'";
                first = objects;
            } else {
                ObjectBytes.assertSame(firstName, first, "carrier '" + provider.name() + "'", objects);
            }
        }
    }
}
