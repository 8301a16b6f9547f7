package io.zagg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's custom-carrier example runs and prints what it promises. */
class CustomCarrierExampleTest {

    @Test
    void theChunkedCarrierAggregatesLikePlain() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            CustomCarrierExample.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("chunked: count [1.0, 0.0, 3.0, 1.0], h_mean [20.0, NaN, 30.0, 40.0]", lines.get(0));
        assertEquals("plain: count [1.0, 0.0, 3.0, 1.0], h_mean [20.0, NaN, 30.0, 40.0]", lines.get(2));
        assertEquals("chunked and plain encoded identical bytes", lines.get(4));
    }
}
