package io.zagg.test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Little-endian element buffers for tests, as chunks hold them, and back. */
public final class LittleEndian {

    private LittleEndian() {
    }

    public static ByteBuffer floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(v);
        return b;
    }

    public static ByteBuffer doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(v);
        return b;
    }

    public static ByteBuffer ints(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(v);
        return b;
    }

    public static ByteBuffer longs(long... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(v);
        return b;
    }

    public static float[] toFloats(ByteBuffer b) {
        float[] out = new float[b.remaining() / 4];
        b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    public static double[] toDoubles(ByteBuffer b) {
        double[] out = new double[b.remaining() / 8];
        b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    public static int[] toInts(ByteBuffer b) {
        int[] out = new int[b.remaining() / 4];
        b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    public static long[] toLongs(ByteBuffer b) {
        long[] out = new long[b.remaining() / 8];
        b.duplicate().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }
}
