package io.zagg.plain;

import io.zagg.spi.CarrierProvider;
import io.zagg.spi.testkit.CarrierContract;

/** The carrier contract, run against PLAIN. */
class PlainCarrierContractTest extends CarrierContract {

    @Override
    protected CarrierProvider provider() {
        return new PlainCarrierProvider();
    }
}
