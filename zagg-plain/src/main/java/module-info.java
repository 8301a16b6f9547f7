/** The PLAIN carrier: a shard's columns as on-heap Java primitive arrays. */
module io.zagg.plain {
    requires io.zagg;

    provides io.zagg.spi.CarrierProvider with io.zagg.plain.PlainCarrierProvider;
}
