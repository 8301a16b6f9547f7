package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStoreTest {

    @TempDir
    Path dir;

    @Test
    void putGetListDelete() throws IOException {
        DirectoryStore store = DirectoryStore.open(dir.resolve("out.zarr"));
        assertEquals(List.of(), store.list(""));
        store.put("19/h_mean/c/7", ByteBuffer.wrap(new byte[] {1, 2, 3}));
        store.put("19/zarr.json", ByteBuffer.wrap("{}".getBytes()));
        store.put("zarr.json", ByteBuffer.wrap("{}".getBytes()));
        assertArrayEquals(new byte[] {1, 2, 3}, store.get("19/h_mean/c/7").orElseThrow());
        assertEquals(Optional.empty(), store.get("19/h_mean/c/8"));
        assertEquals(List.of("19", "zarr.json"), store.list(""));
        assertEquals(List.of("h_mean", "zarr.json"), store.list("19"));
        assertEquals(List.of(), store.list("19/nothing"));
        assertTrue(store.exists("19/h_mean/c/7"));
        assertFalse(store.exists("19/h_mean"), "a prefix is not an object");
        store.delete("19/h_mean/c/7");
        store.delete("19/h_mean/c/7");
        assertFalse(store.exists("19/h_mean/c/7"));
        store.deleteAll("19");
        assertEquals(List.of("zarr.json"), store.list(""));
        store.deleteAll("");
        assertEquals(List.of(), store.list(""));
        assertTrue(Files.isDirectory(store.root()), "the root itself stays");
    }

    @Test
    void putReplacesAndLeavesNoTemporaryFile() throws IOException {
        DirectoryStore store = DirectoryStore.open(dir);
        store.put("a/b", ByteBuffer.wrap(new byte[1000]));
        ByteBuffer value = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
        value.position(1);
        store.put("a/b", value);
        assertArrayEquals(new byte[] {8, 7, 6}, store.get("a/b").orElseThrow());
        assertEquals(1, value.position(), "the value's position is not moved");
        try (Stream<Path> files = Files.list(dir.resolve("a"))) {
            assertEquals(List.of("b"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void hiddenTemporaryFilesAreNotListed() throws IOException {
        DirectoryStore store = DirectoryStore.open(dir);
        store.put("a/b", ByteBuffer.wrap(new byte[] {1}));
        Files.write(dir.resolve("a/.b.1234.tmp"), new byte[] {2});
        assertEquals(List.of("b"), store.list("a"));
    }

    @Test
    void keysCannotEscapeTheRoot() {
        DirectoryStore store = DirectoryStore.open(dir);
        for (String key : new String[] {"../x", "a/../../x", "/abs", "a//b", "a/.hidden", "", "a/"}) {
            assertThrows(IllegalArgumentException.class, () -> store.put(key, ByteBuffer.allocate(1)), key);
        }
    }

    @Test
    void aFileIsNotAStore() throws IOException {
        Path file = Files.write(dir.resolve("f"), new byte[1]);
        assertEquals("store " + file + " is a file, not a directory",
                assertThrows(IllegalArgumentException.class, () -> DirectoryStore.open(file)).getMessage());
    }

    @Test
    void readersNeverSeeAPartialObject() throws Exception {
        // one writer replaces an object with ever larger versions whose bytes all equal the
        // version's length; readers must only ever see a whole version
        DirectoryStore store = DirectoryStore.open(dir);
        store.put("x/c/0", ByteBuffer.wrap(new byte[] {1}));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int seen = 0;
                    while (!stop.get()) {
                        byte[] b = store.get("x/c/0").orElseThrow();
                        for (byte v : b) {
                            if (v != (byte) b.length) {
                                throw new AssertionError("torn read: " + b.length + " bytes holding " + v);
                            }
                        }
                        seen++;
                    }
                    return seen;
                }));
            }
            for (int n = 2; n < 250; n++) {
                byte[] version = new byte[n * 997];
                java.util.Arrays.fill(version, (byte) version.length);
                store.put("x/c/0", ByteBuffer.wrap(version));
            }
            stop.set(true);
            for (Future<Integer> reader : readers) {
                assertTrue(reader.get() > 0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
