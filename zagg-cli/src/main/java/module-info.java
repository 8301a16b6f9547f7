/** The zagg command line. */
module io.zagg.cli {
    requires io.zagg;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    // picocli injects options and the command spec by reflection
    opens io.zagg.cli to info.picocli;
}
