/** The zagg command line. */
module io.zagg.cli {
    requires io.zagg;
    requires info.picocli;
}
