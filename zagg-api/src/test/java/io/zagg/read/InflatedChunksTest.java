package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InflatedChunksTest {

    private static final Path G1 = Path.of("/data/g1.h5");
    private static final Path G2 = Path.of("/data/g2.h5");
    private static final long NO_LIMIT = Long.MAX_VALUE;

    /** A decoder of {@code size}-byte chunks that counts its calls. */
    private static final class Counting implements InflatedChunks.Decoder {
        final AtomicInteger calls = new AtomicInteger();
        private final int size;

        Counting(int size) {
            this.size = size;
        }

        @Override
        public byte[] decode() {
            calls.incrementAndGet();
            return new byte[size];
        }
    }

    /** Whether chunk {@code k} is kept: asking for it does not decode it (a failed decode keeps nothing). */
    private static boolean kept(InflatedChunks.Dataset d, int k) {
        try {
            d.chunk(k, () -> {
                throw new NotKept();
            });
            return true;
        } catch (NotKept e) {
            return false;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static final class NotKept extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void keepsChunksByGranuleDatasetAndIndex() throws IOException {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 3);
        InflatedChunks.Dataset lat = cache.dataset(G1, "/gt1l/heights/lat_ph");
        Counting decoder = new Counting(100);
        byte[] chunk3 = lat.chunk(3, decoder);
        assertSame(chunk3, cache.dataset(Path.of("/data/./g1.h5"), "/gt1l/heights/lat_ph").chunk(3, decoder), "paths are normalized");
        assertEquals(1, decoder.calls.get());
        lat.chunk(4, decoder);
        cache.dataset(G1, "/gt1l/heights/lon_ph").chunk(3, decoder);
        cache.dataset(G2, "/gt1l/heights/lat_ph").chunk(3, decoder);
        assertEquals(4, decoder.calls.get(), "another index, dataset or granule is another chunk");
        assertEquals(1, cache.hits());
        assertEquals(4, cache.misses());
        assertEquals(400, cache.bytes());
        assertThrows(IllegalArgumentException.class, () -> new InflatedChunks(-1, 3));
        assertThrows(IllegalArgumentException.class, () -> new InflatedChunks(1_000, 0));
    }

    @Test
    void theRoomIsSoManyChunksOfEachDatasetUpToTheLimit() throws IOException {
        InflatedChunks cache = new InflatedChunks(1_000, 2);
        assertEquals(0, cache.capacity());
        cache.dataset(G1, "lat_ph").chunk(0, new Counting(100));
        assertEquals(200, cache.capacity(), "two chunks of lat_ph");
        cache.dataset(G1, "lat_ph").chunk(1, new Counting(100));
        assertEquals(200, cache.capacity(), "a dataset counts once");
        cache.dataset(G2, "lat_ph").chunk(0, new Counting(150));
        assertEquals(500, cache.capacity());
        cache.dataset(G2, "h_ph").chunk(0, new Counting(300));
        assertEquals(1_000, cache.capacity(), "never above the limit (1,100 of room)");
        cache.release(G2);
        assertEquals(200, cache.capacity(), "a released granule takes its room with it");
        cache.clear();
        assertEquals(0, cache.capacity());
    }

    @Test
    void theLeastRecentlyUsedChunksGoOnceTheBytesExceedTheRoom() throws IOException {
        InflatedChunks cache = new InflatedChunks(250, 3);
        InflatedChunks.Dataset h = cache.dataset(G1, "h_ph");
        Counting decoder = new Counting(100);
        h.chunk(0, decoder);
        h.chunk(1, decoder);
        h.chunk(0, decoder); // chunk 0 is now the most recent
        h.chunk(2, decoder); // 300 bytes > the limit of 250: one goes
        assertEquals(200, cache.bytes());
        assertTrue(kept(h, 0) && kept(h, 2));
        assertTrue(!kept(h, 1), "the least recently used went");

        InflatedChunks small = new InflatedChunks(250, 3);
        small.dataset(G1, "big").chunk(0, new Counting(300));
        assertEquals(0, small.bytes(), "a chunk above the whole limit is never kept");
    }

    @Test
    void theBytesKeptNeverExceedTheRoomAndAreTheSumOfTheChunksKept() {
        qt().forAll(integers().between(0, 2_000), integers().between(1, 4), lists().of(integers().between(0, 40)).ofSizeBetween(0, 200))
                .checkAssert((limit, perDataset, asks) -> {
                    InflatedChunks cache = new InflatedChunks(limit, perDataset);
                    Map<Integer, Integer> sizes = new HashMap<>();
                    Map<Integer, Integer> datasetBytes = new HashMap<>();
                    for (int k : asks) {
                        int dataset = k % 3; // three datasets; chunks of one dataset share a size
                        int size = 37 * dataset + 1;
                        byte[] got = chunk(cache, dataset, k, new Counting(size));
                        assertEquals(size, got.length);
                        sizes.put(k, size);
                        if (size <= limit) {
                            datasetBytes.put(dataset, size);
                        }
                    }
                    long room = 0;
                    for (int b : datasetBytes.values()) {
                        room += (long) perDataset * b;
                    }
                    assertEquals(Math.min(limit, room), cache.capacity());
                    assertTrue(cache.bytes() <= cache.capacity(), cache.bytes() + " > " + cache.capacity());
                    long kept = 0;
                    for (Map.Entry<Integer, Integer> e : sizes.entrySet()) {
                        kept += kept(cache.dataset(G1, "d" + e.getKey() % 3), e.getKey()) ? e.getValue() : 0;
                    }
                    assertEquals(kept, cache.bytes());
                    if (!asks.isEmpty() && sizes.get(asks.get(asks.size() - 1)) <= limit) {
                        int last = asks.get(asks.size() - 1);
                        assertTrue(kept(cache.dataset(G1, "d" + last % 3), last), "the last chunk fits, so it is kept");
                    }
                });
    }

    private static byte[] chunk(InflatedChunks cache, int dataset, int k, InflatedChunks.Decoder decoder) {
        return chunkOrFail(cache.dataset(G1, "d" + dataset), k, decoder);
    }

    @Test
    void aThreadAskingForAChunkAnotherIsInflatingWaitsForItsBytes() throws Exception {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 3);
        InflatedChunks.Dataset lat = cache.dataset(G1, "lat_ph");
        CountDownLatch inflating = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        InflatedChunks.Decoder slow = () -> {
            calls.incrementAndGet();
            inflating.countDown();
            await(finish);
            return new byte[64];
        };
        AtomicReference<byte[]> first = new AtomicReference<>();
        AtomicReference<byte[]> second = new AtomicReference<>();
        Thread a = new Thread(() -> first.set(chunkOrFail(lat, 7, slow)));
        a.start();
        inflating.await();
        Counting own = new Counting(64);
        Thread b = new Thread(() -> second.set(chunkOrFail(lat, 7, own)));
        b.start();
        while (cache.waits() == 0 && b.isAlive()) {
            Thread.onSpinWait(); // until b is waiting for a's chunk (or, wrongly, has inflated it itself)
        }
        finish.countDown();
        a.join();
        b.join();
        assertEquals(1, calls.get());
        assertEquals(0, own.calls.get(), "inflated once, by the first thread");
        assertSame(first.get(), second.get());
        assertEquals(1, cache.misses());
        assertEquals(1, cache.waits());
        assertEquals(64, cache.bytes());
    }

    @Test
    void whenTheInflatingThreadFailsTheWaitingOneInflatesTheChunkItself() throws Exception {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 3);
        InflatedChunks.Dataset lat = cache.dataset(G1, "lat_ph");
        CountDownLatch inflating = new CountDownLatch(1);
        CountDownLatch fail = new CountDownLatch(1);
        InflatedChunks.Decoder failing = () -> {
            inflating.countDown();
            await(fail);
            throw new IOException("the file ends inside the chunk");
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread a = new Thread(() -> {
            try {
                lat.chunk(2, failing);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        a.start();
        inflating.await();
        Counting own = new Counting(32);
        AtomicReference<byte[]> got = new AtomicReference<>();
        Thread b = new Thread(() -> got.set(chunkOrFail(lat, 2, own)));
        b.start();
        while (cache.waits() == 0 && b.isAlive()) {
            Thread.onSpinWait();
        }
        fail.countDown();
        a.join();
        b.join();
        assertEquals("the file ends inside the chunk", failure.get().getMessage(), "the failure goes to the thread that inflated");
        assertEquals(32, got.get().length);
        assertEquals(1, own.calls.get(), "the waiting thread inflated the chunk itself");
        assertEquals(32, cache.bytes(), "and keeps it");
        assertEquals(1, cache.waits());
        assertEquals(2, cache.misses());
    }

    @Test
    void manyThreadsAskingForTheSameChunksInflateEachOnce() throws Exception {
        Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();
        int threads = 8;
        int chunks = 200;
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, chunks); // room for them all: only a race could inflate one twice
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                await(start);
                InflatedChunks.Dataset d = cache.dataset(G1, "h_ph");
                for (int k = 0; k < chunks; k++) { // all along the same chunks, as workers on neighbouring shards are
                    int chunk = k;
                    chunkOrFail(d, chunk, () -> {
                        calls.computeIfAbsent(chunk, x -> new AtomicInteger()).incrementAndGet();
                        Thread.yield(); // an inflation takes a while: let the others ask meanwhile
                        return new byte[16];
                    });
                }
            });
            thread.start();
            all.add(thread);
        }
        start.countDown();
        for (Thread t : all) {
            t.join();
        }
        assertEquals(chunks, calls.size());
        assertTrue(calls.values().stream().allMatch(c -> c.get() == 1), "every chunk inflated once: " + calls);
        assertEquals(chunks, cache.misses());
        assertEquals((long) threads * chunks, cache.hits() + cache.misses() + cache.waits());
    }

    private static byte[] chunkOrFail(InflatedChunks.Dataset d, int k, InflatedChunks.Decoder decoder) {
        try {
            return d.chunk(k, decoder);
        } catch (IOException e) {
            throw new AssertionError(e);
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
    void releasingAGranuleDropsOnlyItsChunks() throws IOException {
        InflatedChunks cache = new InflatedChunks(NO_LIMIT, 3);
        cache.dataset(G1, "lat_ph").chunk(0, new Counting(10));
        cache.dataset(G1, "lon_ph").chunk(0, new Counting(20));
        cache.dataset(G2, "lat_ph").chunk(0, new Counting(40));
        cache.release(Path.of("/data/../data/g1.h5"));
        assertEquals(40, cache.bytes());
        assertTrue(!kept(cache.dataset(G1, "lat_ph"), 0));
        assertTrue(kept(cache.dataset(G2, "lat_ph"), 0));
        cache.clear();
        assertEquals(0, cache.bytes());
        assertTrue(!kept(cache.dataset(G2, "lat_ph"), 0));
    }
}
