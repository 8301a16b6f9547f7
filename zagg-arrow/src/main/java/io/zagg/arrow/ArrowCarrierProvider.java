package io.zagg.arrow;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;
import io.zagg.spi.CarrierUnavailableException;

/**
 * Provides the {@code arrow} carrier. Instantiating it touches no Arrow class; {@link #create}
 * checks that Arrow works in this JVM (the {@code --add-opens} flag, the memory jars) and
 * otherwise throws a {@link CarrierUnavailableException} that names the fix.
 */
public final class ArrowCarrierProvider implements CarrierProvider {

    @Override
    public String name() {
        return ArrowCarrier.NAME;
    }

    @Override
    public Carrier create(CarrierContext context) {
        try {
            return new ArrowCarrier(context, ArrowRuntime.root());
        } catch (LinkageError e) {
            throw new CarrierUnavailableException("carrier 'arrow' cannot start: an Arrow library is missing from the class path ("
                    + e + "); zagg-arrow needs arrow-vector, arrow-memory-core, arrow-memory-unsafe and arrow-c-data", e);
        }
    }
}
