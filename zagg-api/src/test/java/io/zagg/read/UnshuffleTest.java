package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Unshuffle} inverts HDF5's shuffle for every element size and both byte orders: random
 * values written in a byte order, shuffled as HDF5 does, and unshuffled from a random first
 * element into a random place of a typed array come back bit for bit (NaN payloads included).
 */
class UnshuffleTest {

    private static final String[] TYPES = {"short", "int", "float", "long", "double"};

    @Test
    void unshufflingRestoresEveryElementSizeAndByteOrder() {
        qt().withExamples(400).forAll(integers().between(0, TYPES.length - 1), integers().between(1, 40), longs().all(), integers().between(0, 1))
                .checkAssert((type, elements, seed, big) -> check(TYPES[type], elements, new Random(seed),
                        big == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN));
    }

    private static void check(String type, int elements, Random random, ByteOrder order) {
        int size = type.equals("short") ? 2 : type.equals("int") || type.equals("float") ? 4 : 8;
        long[] bits = new long[elements];
        ByteBuffer plain = ByteBuffer.allocate(elements * size).order(order);
        for (int i = 0; i < elements; i++) {
            bits[i] = random.nextLong();
            if (size == 2) {
                plain.putShort((short) bits[i]);
            } else if (size == 4) {
                plain.putInt((int) bits[i]);
            } else {
                plain.putLong(bits[i]);
            }
        }
        byte[] shuffled = new byte[elements * size];
        for (int i = 0; i < elements; i++) {
            for (int j = 0; j < size; j++) {
                shuffled[j * elements + i] = plain.get(i * size + j);
            }
        }
        int first = random.nextInt(elements);
        int n = random.nextInt(elements - first + 1);
        int at = random.nextInt(5);
        Object dest = newArray(type, at + n + random.nextInt(3));
        Unshuffle.into(shuffled, elements, first, n, order, dest, at);
        for (int i = 0; i < n; i++) {
            assertEquals(size == 8 ? bits[first + i] : size == 4 ? (int) bits[first + i] : (short) bits[first + i],
                    rawBits(dest, at + i), type + " " + order + " element " + (first + i));
        }
    }

    private static Object newArray(String type, int n) {
        switch (type) {
            case "short": return new short[n];
            case "int": return new int[n];
            case "float": return new float[n];
            case "long": return new long[n];
            default: return new double[n];
        }
    }

    private static long rawBits(Object array, int i) {
        if (array instanceof short[]) {
            return ((short[]) array)[i];
        } else if (array instanceof int[]) {
            return ((int[]) array)[i];
        } else if (array instanceof float[]) {
            return Float.floatToRawIntBits(((float[]) array)[i]);
        } else if (array instanceof long[]) {
            return ((long[]) array)[i];
        }
        return Double.doubleToRawLongBits(((double[]) array)[i]);
    }

    @Test
    void aKnownShortChunkInBothOrders() {
        // elements 0x0102, 0x0304, 0x0506: little-endian bytes 02 01 04 03 06 05, shuffled 02 04 06 01 03 05
        short[] little = new short[3];
        Unshuffle.into(new byte[] {2, 4, 6, 1, 3, 5}, 3, 0, 3, ByteOrder.LITTLE_ENDIAN, little, 0);
        assertArrayEquals(new short[] {0x0102, 0x0304, 0x0506}, little);
        short[] big = new short[2];
        Unshuffle.into(new byte[] {1, 3, 5, 2, 4, 6}, 3, 1, 2, ByteOrder.BIG_ENDIAN, big, 0);
        assertArrayEquals(new short[] {0x0304, 0x0506}, big);
    }

    @Test
    void byteArraysAreNotShuffledElements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Unshuffle.into(new byte[4], 4, 0, 4, ByteOrder.LITTLE_ENDIAN, new byte[4], 0));
        assertEquals("no shuffled element size for a byte[]", e.getMessage());
    }
}
