package io.zagg.examples.chunked;

import io.zagg.spi.CarrierProvider;
import io.zagg.spi.testkit.CarrierContract;

/** The carrier contract, run against the example chunked carrier. */
class ChunkedCarrierContractTest extends CarrierContract {

    @Override
    protected CarrierProvider provider() {
        return new ChunkedCarrierProvider();
    }
}
