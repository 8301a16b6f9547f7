package io.zagg.arrow;

import io.zagg.spi.CarrierProvider;
import io.zagg.spi.testkit.CarrierContract;

/** The carrier contract, run against ARROW. */
class ArrowCarrierContractTest extends CarrierContract {

    @Override
    protected CarrierProvider provider() {
        return new ArrowCarrierProvider();
    }
}
