/**
 * zagg: aggregates sparse point observations onto a HEALPix grid and writes Zarr v3 stores.
 * Public: the DSL ({@code io.zagg}), the carrier and reducer SPI ({@code io.zagg.spi}) and the
 * grid arithmetic ({@code io.zagg.grid}). Everything else is engine, open only to our own
 * modules.
 */
module io.zagg {
    requires io.jhdf;
    requires com.github.luben.zstd_jni;
    requires com.fasterxml.jackson.databind;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    requires com.sun.jna; // the optional libdeflate inflate (io.zagg.read.Inflation)

    exports io.zagg;
    exports io.zagg.spi;
    exports io.zagg.grid;

    exports io.zagg.reduce to io.zagg.cli, io.zagg.plain, io.zagg.arrow;
    exports io.zagg.read to io.zagg.cli, io.zagg.plain, io.zagg.arrow;
    exports io.zagg.store to io.zagg.cli;

    uses io.zagg.spi.CarrierProvider;
    uses io.zagg.spi.ReducerProvider;
}
