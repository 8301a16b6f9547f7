package io.zagg.plain;

import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierProvider;
import io.zagg.spi.CarrierUnavailableException;

/** A test provider that loads but cannot start, as ARROW without its JVM flag. */
public class UnstartableCarrierProvider implements CarrierProvider {

    static final String MESSAGE = "carrier 'unstartable' cannot start: add the JVM flag --enable-unstartable";

    @Override
    public String name() {
        return "unstartable";
    }

    @Override
    public Carrier create(CarrierContext context) {
        throw new CarrierUnavailableException(MESSAGE);
    }
}
