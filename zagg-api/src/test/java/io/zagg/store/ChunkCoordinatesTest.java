package io.zagg.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.zagg.grid.MortonWord;
import io.zagg.test.LittleEndian;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class ChunkCoordinatesTest {

    /** The coordinates cell by cell, as zagg defines them: ascending NESTED ids and {@link MortonWord#fromNested} of each. */
    private static void assertCoordinates(int chunkOrder, int cellOrder, long chunk) {
        ChunkCoordinates coordinates = new ChunkCoordinates(HealpixGeometry.of(chunkOrder, chunkOrder, cellOrder));
        int cells = 1 << (2 * (cellOrder - chunkOrder));
        long[] ids = new long[cells];
        long[] words = new long[cells];
        for (int i = 0; i < cells; i++) {
            ids[i] = chunk * cells + i;
            words[i] = MortonWord.fromNested(ids[i], cellOrder);
        }
        ByteBuffer scratch = ByteBuffer.allocateDirect(coordinates.chunkBytes());
        String where = "chunk " + chunk + " at order " + chunkOrder + ", cells at order " + cellOrder;
        assertArrayEquals(ids, LittleEndian.toLongs(coordinates.cellIds(chunk, scratch)), where);
        assertArrayEquals(words, LittleEndian.toLongs(coordinates.morton(chunk, scratch)), where);
    }

    @Test
    void mortonWordsEqualFromNestedAtEveryOrderAndDepth() {
        // depth = cell order - chunk order, up to 4^6 cells a chunk; any chunk of the sphere
        qt().forAll(integers().between(0, 29), integers().between(0, 6), longs().between(0, Long.MAX_VALUE))
                .assuming((cellOrder, depth, any) -> depth <= cellOrder)
                .checkAssert((cellOrder, depth, any) -> {
                    int chunkOrder = cellOrder - depth;
                    long chunks = 12L << (2 * chunkOrder);
                    assertCoordinates(chunkOrder, cellOrder, Long.remainderUnsigned(any, chunks));
                });
    }

    @Test
    void edgesOfTheSphereAndTheSuffixOrders() {
        for (int cellOrder : new int[] {0, 1, 2, 27, 28, 29}) {
            for (int depth = 0; depth <= Math.min(cellOrder, 7); depth++) {
                int chunkOrder = cellOrder - depth;
                long lastChunk = (12L << (2 * chunkOrder)) - 1;
                for (long chunk : new long[] {0, 1, lastChunk / 2, lastChunk}) {
                    assertCoordinates(chunkOrder, cellOrder, chunk);
                }
            }
        }
    }

    @Test
    void workedExampleChunk() {
        // zagg §5.7: chunk 244150728 (order 13) holds cells 1000041381888..1000041385983 (order
        // 19); cell 1113 is the SERC point's, whose word MortonWordTest pins
        ChunkCoordinates coordinates = new ChunkCoordinates(HealpixGeometry.of(11, 13, 19));
        ByteBuffer scratch = ByteBuffer.allocate(coordinates.chunkBytes());
        long[] ids = LittleEndian.toLongs(coordinates.cellIds(244_150_728L, scratch));
        assertEquals(1_000_041_381_888L, ids[0]);
        assertEquals(1_000_041_385_983L, ids[4095]);
        assertEquals(0x4A35C72116400013L, LittleEndian.toLongs(coordinates.morton(244_150_728L, scratch))[1113]);
        assertCoordinates(13, 19, 244_150_728L);
    }

    @Test
    void bytesAreALittleEndianViewOfTheBufferWhateverItsOrderAndSize() {
        ChunkCoordinates coordinates = new ChunkCoordinates(HealpixGeometry.of(1, 1, 2));
        assertEquals(32, coordinates.chunkBytes());
        ByteBuffer scratch = ByteBuffer.allocate(100).order(ByteOrder.BIG_ENDIAN);
        scratch.position(7);
        ByteBuffer ids = coordinates.cellIds(47, scratch);
        assertEquals(0, ids.position());
        assertEquals(32, ids.limit());
        assertEquals(ByteOrder.LITTLE_ENDIAN, ids.order());
        assertEquals(188, scratch.get(0) & 0xff, "47·4 = 188, its lowest byte first");
        assertEquals(7, scratch.position(), "the buffer's own position is left alone");
        assertArrayEquals(new long[] {188, 189, 190, 191}, LittleEndian.toLongs(ids));
    }

    @Test
    void tooSmallABufferIsRefused() {
        ChunkCoordinates coordinates = new ChunkCoordinates(HealpixGeometry.of(11, 13, 19));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> coordinates.morton(244_150_728L, ByteBuffer.allocate(32767)));
        assertEquals("a coordinate chunk of 4096 cells needs 32768 bytes, the buffer holds 32767", e.getMessage());
    }
}
