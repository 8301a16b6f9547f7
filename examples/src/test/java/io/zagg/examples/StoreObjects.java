package io.zagg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A store's objects by key, and the assertion that two stores hold the same objects with the same bytes. */
final class StoreObjects {

    private StoreObjects() {
    }

    static Map<String, byte[]> of(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    static void assertSame(String referenceName, Map<String, byte[]> reference, String otherName, Map<String, byte[]> other) {
        assertFalse(reference.isEmpty(), referenceName + " wrote nothing");
        assertEquals(reference.keySet(), other.keySet(), otherName + " writes other objects than " + referenceName);
        for (Map.Entry<String, byte[]> o : reference.entrySet()) {
            assertTrue(Arrays.equals(o.getValue(), other.get(o.getKey())), otherName + " differs from " + referenceName + " in " + o.getKey());
        }
    }
}
