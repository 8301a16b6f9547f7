/** The ARROW carrier: a shard's columns as Arrow vectors in off-heap buffers. */
module io.zagg.arrow {
    requires io.zagg;
    requires org.apache.arrow.vector;
    requires org.apache.arrow.memory.core;
    requires org.apache.arrow.c;
    // the allocation manager Arrow loads reflectively; required so the module path resolves it
    requires org.apache.arrow.memory.unsafe;

    exports io.zagg.arrow;

    provides io.zagg.spi.CarrierProvider with io.zagg.arrow.ArrowCarrierProvider;
}
