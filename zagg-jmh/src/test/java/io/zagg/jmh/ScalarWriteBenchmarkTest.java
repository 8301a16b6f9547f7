package io.zagg.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One operation writes the objects it claims, into a store that its tear-down removes. */
class ScalarWriteBenchmarkTest {

    @Test
    void anOperationWritesItsObjectsAndLeavesNothingBehind() throws IOException {
        ScalarWriteBenchmark b = new ScalarWriteBenchmark();
        b.setUp();
        b.freshStore();
        assertEquals(768, ScalarWriteBenchmark.OBJECTS);
        assertEquals(ScalarWriteBenchmark.OBJECTS, b.writeShards());
        Path store = b.store();
        try (Stream<Path> files = Files.walk(store.resolve("19"))) {
            assertEquals(ScalarWriteBenchmark.OBJECTS, files.filter(p -> p.getParent().getFileName().toString().equals("c")).count());
        }
        try (Stream<Path> chunks = Files.list(store.resolve("19/h_variance/c"))) {
            assertEquals(16 * 4, chunks.count(), "one chunk in four holds data");
        }
        b.deleteStore();
        assertFalse(Files.exists(store));
    }
}
