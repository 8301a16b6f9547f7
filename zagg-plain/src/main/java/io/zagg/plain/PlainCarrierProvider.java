package io.zagg.plain;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;

/** Provides the {@code plain} carrier: a shard's columns in Java primitive arrays. It needs no JVM flags. */
public final class PlainCarrierProvider implements CarrierProvider {

    @Override
    public String name() {
        return PlainCarrier.NAME;
    }

    @Override
    public Carrier create(CarrierContext context) {
        return new PlainCarrier(context);
    }
}
