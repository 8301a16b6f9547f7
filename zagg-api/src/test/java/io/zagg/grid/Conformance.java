package io.zagg.grid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the golden CSV files copied from {@code shared/conformance} into this package's test
 * resources: comment lines start with {@code #}, the first other line is the header.
 */
final class Conformance {

    private Conformance() {
    }

    /** The data rows of a resource, each split at commas. */
    static List<String[]> rows(String resource) {
        InputStream in = Conformance.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("test resource io/zagg/grid/" + resource + " is missing");
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            boolean header = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                rows.add(line.split(","));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return rows;
    }
}
