package io.zagg.examples.chunked;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;

/**
 * Registers the {@code chunked} carrier through
 * {@code META-INF/services/io.zagg.spi.CarrierProvider}, so that {@code Carriers.named("chunked")}
 * finds it like the built-in ones.
 */
public final class ChunkedCarrierProvider implements CarrierProvider {

    @Override
    public String name() {
        return ChunkedCarrier.NAME;
    }

    @Override
    public Carrier create(CarrierContext context) {
        return new ChunkedCarrier(context);
    }
}
