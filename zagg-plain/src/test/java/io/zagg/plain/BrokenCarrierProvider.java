package io.zagg.plain;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;

/** A test provider whose constructor fails, as one whose native library is missing. */
public final class BrokenCarrierProvider implements CarrierProvider {

    public BrokenCarrierProvider() {
        throw new IllegalStateException("native library libbroken.so not found");
    }

    @Override
    public String name() {
        return "broken";
    }

    @Override
    public Carrier create(CarrierContext context) {
        throw new AssertionError("never instantiated");
    }
}
