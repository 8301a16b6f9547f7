package io.zagg.plain;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;

/** A test provider whose name users could not type on a command line. */
public final class BadlyNamedCarrierProvider implements CarrierProvider {

    @Override
    public String name() {
        return "Bad Name";
    }

    @Override
    public Carrier create(CarrierContext context) {
        throw new AssertionError("never registered");
    }
}
