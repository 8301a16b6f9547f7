package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

class InflatedChunksTest {

    private static final Path G1 = Path.of("/data/g1.h5");
    private static final Path G2 = Path.of("/data/g2.h5");
    private static final long NO_LIMIT = Long.MAX_VALUE;

    /** A decoder that counts its calls and fills the chunk with {@code value}. */
    private static final class Counting implements InflatedChunks.Decoder {
        final AtomicInteger calls = new AtomicInteger();
        private final byte value;

        Counting(int value) {
            this.value = (byte) value;
        }

        @Override
        public void decode(byte[] into) {
            calls.incrementAndGet();
            Arrays.fill(into, value);
        }
    }

    /** Chunk {@code k} of {@code size} bytes, closed at once; its bytes. */
    private static byte[] read(InflatedChunks.Dataset d, int k, int size, InflatedChunks.Decoder decoder) {
        try (InflatedChunks.Use use = d.chunk(k, size, decoder)) {
            return use.bytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void keepsChunksByGranuleDatasetAndIndex() {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 3);
        InflatedChunks.Dataset lat = cache.dataset(G1, "/gt1l/heights/lat_ph");
        Counting decoder = new Counting(7);
        byte[] chunk3 = read(lat, 3, 100, decoder);
        assertArrayEquals(filled(100, 7), chunk3, "the decoder's bytes");
        assertSame(chunk3, read(cache.dataset(Path.of("/data/./g1.h5"), "/gt1l/heights/lat_ph"), 3, 100, decoder), "paths are normalized");
        assertEquals(1, decoder.calls.get());
        read(lat, 4, 100, decoder);
        read(cache.dataset(G1, "/gt1l/heights/lon_ph"), 3, 100, decoder);
        read(cache.dataset(G2, "/gt1l/heights/lat_ph"), 3, 100, decoder);
        assertEquals(4, decoder.calls.get(), "another index, dataset or granule is another chunk");
        assertEquals(1, cache.hits());
        assertEquals(4, cache.misses());
        assertEquals(400, cache.bytes());
        assertThrows(IllegalArgumentException.class, () -> new InflatedChunks(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new InflatedChunks(1_000, 0));
    }

    private static byte[] filled(int size, int value) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void theRoomIsSoManyChunksOfEachDatasetUpToTheLimit() {
        InflatedChunks cache = new InflatedChunks(1_000, 2);
        assertEquals(0, cache.capacity());
        read(cache.dataset(G1, "lat_ph"), 0, 100, new Counting(1));
        assertEquals(200, cache.capacity(), "two chunks of lat_ph");
        read(cache.dataset(G1, "lat_ph"), 1, 100, new Counting(1));
        assertEquals(200, cache.capacity(), "a dataset counts once");
        read(cache.dataset(G2, "lat_ph"), 0, 150, new Counting(1));
        assertEquals(500, cache.capacity());
        read(cache.dataset(G2, "h_ph"), 0, 300, new Counting(1));
        assertEquals(1_000, cache.capacity(), "never above the limit (1,100 of room)");
        cache.release(G2);
        assertEquals(200, cache.capacity(), "a released granule takes its room with it");
        cache.clear();
        assertEquals(0, cache.capacity());
    }

    @Test
    void eachDatasetKeepsItsMostRecentlyUsedChunks() {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 2);
        InflatedChunks.Dataset lat = cache.dataset(G1, "lat_ph");
        InflatedChunks.Dataset lon = cache.dataset(G1, "lon_ph");
        read(lat, 0, 100, new Counting(1));
        read(lat, 1, 100, new Counting(1));
        read(lon, 0, 100, new Counting(1));
        read(lat, 0, 100, new Counting(1)); // lat's chunk 0 is now its most recent
        read(lat, 2, 100, new Counting(1)); // lat has two: one goes
        assertTrue(lat.isKept(0) && lat.isKept(2));
        assertFalse(lat.isKept(1), "the dataset's least recently used went");
        assertTrue(lon.isKept(0), "another dataset keeps its own");
        assertEquals(300, cache.bytes());
    }

    @Test
    void beyondTheLimitTheLeastRecentlyUsedChunksOfAnyDatasetGo() {
        InflatedChunks cache = new InflatedChunks(250, 3);
        InflatedChunks.Dataset h = cache.dataset(G1, "h_ph");
        InflatedChunks.Dataset lat = cache.dataset(G1, "lat_ph");
        read(h, 0, 100, new Counting(1));
        read(lat, 0, 100, new Counting(1));
        read(h, 0, 100, new Counting(1)); // h's chunk 0 is now the most recent of all
        read(h, 1, 100, new Counting(1)); // 300 bytes > the limit of 250: one goes
        assertEquals(200, cache.bytes());
        assertTrue(h.isKept(0) && h.isKept(1));
        assertFalse(lat.isKept(0), "the least recently used of all went");

        InflatedChunks small = new InflatedChunks(250, 3);
        assertEquals(300, read(small.dataset(G1, "big"), 0, 300, new Counting(1)).length);
        assertEquals(0, small.bytes(), "a chunk above the whole limit is never kept");
        assertFalse(small.dataset(G1, "big").isKept(0));
    }

    @Test
    void theArrayOfAChunkThatLeftIsInflatedIntoAgainUnlessSomeoneReadsIt() throws IOException {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 2);
        InflatedChunks.Dataset d = cache.dataset(G1, "lat_ph");
        byte[] zero = read(d, 0, 100, new Counting(0));
        byte[] two;
        try (InflatedChunks.Use one = d.chunk(1, 100, new Counting(1))) {
            two = read(d, 2, 100, new Counting(2)); // chunk 0 leaves, no one reads it
            assertSame(zero, two, "chunk 2 is inflated into chunk 0's array");
            assertArrayEquals(filled(100, 2), two);
            byte[] three = read(d, 3, 100, new Counting(3)); // chunk 1 leaves while it is read
            assertNotSame(one.bytes(), three, "an array being read is not inflated into");
            assertArrayEquals(filled(100, 1), one.bytes(), "and its bytes stay as they were");
        }
        assertTrue(d.isKept(2) && d.isKept(3));
        assertEquals(200, cache.bytes());
        assertSame(two, read(d, 4, 100, new Counting(4)), "chunk 4 takes chunk 2's array");
    }

    @Test
    void eachDatasetKeepsItsLastChunksAndTheBytesAreTheirSum() {
        qt().forAll(integers().between(1, 4), lists().of(integers().between(0, 40)).ofSizeBetween(0, 200)).checkAssert((perDataset, asks) -> {
            InflatedChunks cache = new InflatedChunks(NO_LIMIT, perDataset);
            Map<Integer, List<Integer>> recent = new HashMap<>(); // per dataset, its distinct chunks, most recent last
            for (int k : asks) {
                int dataset = k % 3; // three datasets; chunks of one dataset share a size
                int size = 37 * dataset + 1;
                assertArrayEquals(filled(size, k), read(dataset(cache, dataset), k, size, new Counting(k)), "chunk " + k);
                List<Integer> r = recent.computeIfAbsent(dataset, x -> new ArrayList<>());
                r.remove(Integer.valueOf(k));
                r.add(k);
            }
            long expected = 0;
            for (int k = 0; k <= 40; k++) {
                List<Integer> r = recent.getOrDefault(k % 3, List.of());
                boolean last = r.indexOf(k) >= r.size() - perDataset;
                assertEquals(r.contains(k) && last, dataset(cache, k % 3).isKept(k), "chunk " + k + " of " + r);
                expected += dataset(cache, k % 3).isKept(k) ? 37 * (k % 3) + 1 : 0;
            }
            assertEquals(expected, cache.bytes());
            assertTrue(cache.bytes() <= cache.capacity());
        });
    }

    @Test
    void theBytesNeverExceedTheLimit() {
        qt().forAll(integers().between(0, 500), integers().between(1, 4), lists().of(integers().between(0, 40)).ofSizeBetween(0, 200))
                .checkAssert((limit, perDataset, asks) -> {
                    InflatedChunks cache = new InflatedChunks(limit, perDataset);
                    for (int k : asks) {
                        int size = 37 * (k % 3) + 1;
                        read(dataset(cache, k % 3), k, size, new Counting(k));
                        assertTrue(cache.bytes() <= cache.capacity(), cache.bytes() + " > " + cache.capacity());
                        assertEquals(size <= limit, dataset(cache, k % 3).isKept(k), "the chunk just read is kept when it fits");
                    }
                });
    }

    private static InflatedChunks.Dataset dataset(InflatedChunks cache, int dataset) {
        return cache.dataset(G1, "d" + dataset);
    }

    /** A decoder that says when it has started, then waits to be let go, then fills the chunk or fails. */
    private static final class Held implements InflatedChunks.Decoder {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch go = new CountDownLatch(1);
        final AtomicInteger calls = new AtomicInteger();
        private final boolean fails;

        Held(boolean fails) {
            this.fails = fails;
        }

        @Override
        public void decode(byte[] into) throws IOException {
            calls.incrementAndGet();
            started.countDown();
            await(go);
            if (fails) {
                throw new IOException("the file ends inside the chunk");
            }
            Arrays.fill(into, (byte) 9);
        }
    }

    /** Starts {@code second} once {@code first} is inflating, lets {@code first} go once {@code second} waits for it, joins both. */
    private static void secondAsksWhileFirstInflates(InflatedChunks cache, Held held, Thread first, Thread second) throws InterruptedException {
        first.start();
        held.started.await();
        second.start();
        while (cache.waits() == 0 && second.isAlive()) {
            Thread.onSpinWait(); // until second waits for first's chunk (or, wrongly, has inflated it itself)
        }
        held.go.countDown();
        first.join();
        second.join();
    }

    @Test
    void aThreadAskingForAChunkAnotherIsInflatingWaitsForItsBytes() throws Exception {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 3);
        InflatedChunks.Dataset lat = cache.dataset(G1, "lat_ph");
        Held held = new Held(false);
        Counting own = new Counting(1);
        AtomicReference<byte[]> first = new AtomicReference<>();
        AtomicReference<byte[]> second = new AtomicReference<>();
        secondAsksWhileFirstInflates(cache, held, new Thread(() -> first.set(read(lat, 7, 64, held))),
                new Thread(() -> second.set(read(lat, 7, 64, own))));
        assertEquals(1, held.calls.get());
        assertEquals(0, own.calls.get(), "inflated once, by the first thread");
        assertSame(first.get(), second.get());
        assertArrayEquals(filled(64, 9), second.get());
        assertEquals(1, cache.misses());
        assertEquals(1, cache.waits());
        assertEquals(64, cache.bytes());
    }

    @Test
    void whenTheInflatingThreadFailsTheWaitingOneInflatesTheChunkItself() throws Exception {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 3);
        InflatedChunks.Dataset lat = cache.dataset(G1, "lat_ph");
        Held failing = new Held(true);
        Counting own = new Counting(5);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<byte[]> got = new AtomicReference<>();
        secondAsksWhileFirstInflates(cache, failing, new Thread(() -> {
            try (InflatedChunks.Use use = lat.chunk(2, 32, failing)) {
                failure.set(null);
            } catch (Throwable t) {
                failure.set(t);
            }
        }), new Thread(() -> got.set(read(lat, 2, 32, own))));
        assertEquals("the file ends inside the chunk", failure.get().getMessage(), "the failure goes to the thread that inflated");
        assertArrayEquals(filled(32, 5), got.get());
        assertEquals(1, own.calls.get(), "the waiting thread inflated the chunk itself");
        assertEquals(32, cache.bytes(), "and keeps it");
        assertEquals(2, cache.misses());
        assertTrue(lat.isKept(2));
    }

    @Test
    void manyThreadsAskingForTheSameChunksInflateEachOnce() throws Exception {
        Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
        int threads = 8;
        int chunks = 200;
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, chunks); // room for them all: only a race could inflate one twice
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        together(threads, t -> {
            InflatedChunks.Dataset d = cache.dataset(G1, "h_ph");
            for (int k = 0; k < chunks; k++) { // all along the same chunks, as workers on neighbouring shards are
                int chunk = k;
                byte[] got = read(d, chunk, 16, into -> {
                    calls.computeIfAbsent(chunk, x -> new AtomicInteger()).incrementAndGet();
                    Thread.yield(); // an inflation takes a while: let the others ask meanwhile
                    Arrays.fill(into, (byte) chunk);
                });
                if (got[15] != (byte) chunk) {
                    wrong.add("chunk " + chunk + " read as " + got[15]);
                }
            }
        });
        assertEquals(List.of(), List.copyOf(wrong));
        assertEquals(chunks, calls.size());
        assertTrue(calls.values().stream().allMatch(c -> c.get() == 1), "every chunk inflated once: " + calls);
        assertEquals(chunks, cache.misses());
        assertEquals((long) threads * chunks, cache.hits() + cache.misses() + cache.waits(), "every ask a hit, a miss or a wait");
    }

    @Test
    void threadsReadingThroughASmallCacheNeverSeeAnotherChunksBytes() throws Exception {
        // room for 4 of 64 chunks: arrays leave and are inflated into again while others may still read them
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 4);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        together(6, t -> {
            InflatedChunks.Dataset d = cache.dataset(G1, "lat_ph");
            for (int i = 0; i < 2_000; i++) {
                int chunk = (i * 7 + t * 13) % 64;
                try (InflatedChunks.Use use = d.chunk(chunk, 256, into -> Arrays.fill(into, (byte) chunk))) {
                    Thread.yield(); // read slowly, so that the chunk leaves the cache meanwhile
                    for (byte b : use.bytes()) {
                        if (b != (byte) chunk) {
                            wrong.add("chunk " + chunk + " holds a byte " + b);
                            break;
                        }
                    }
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        });
        assertEquals(List.of(), List.copyOf(wrong));
        assertTrue(cache.bytes() <= cache.capacity());
        assertTrue(cache.misses() > 64, "chunks left and came back: " + cache.misses());
    }

    /** Runs {@code body} with each thread's number on {@code threads} threads started together, until all are done. */
    private static void together(int threads, IntConsumer body) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int number = t;
            Thread thread = new Thread(() -> {
                await(start);
                body.accept(number);
            });
            thread.start();
            all.add(thread);
        }
        start.countDown();
        for (Thread t : all) {
            t.join();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void releasingAGranuleDropsOnlyItsChunks() {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 3);
        read(cache.dataset(G1, "lat_ph"), 0, 10, new Counting(1));
        read(cache.dataset(G1, "lon_ph"), 0, 20, new Counting(1));
        read(cache.dataset(G2, "lat_ph"), 0, 40, new Counting(1));
        cache.release(Path.of("/data/../data/g1.h5"));
        assertEquals(40, cache.bytes());
        assertEquals(120, cache.capacity());
        assertFalse(cache.dataset(G1, "lat_ph").isKept(0));
        assertTrue(cache.dataset(G2, "lat_ph").isKept(0));
        cache.clear();
        assertEquals(0, cache.bytes());
        assertFalse(cache.dataset(G2, "lat_ph").isKept(0));
    }
}
