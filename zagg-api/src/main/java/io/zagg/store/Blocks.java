package io.zagg.store;

import java.nio.ByteBuffer;

/** Shape arithmetic and box copies between C-order arrays held as bytes. */
final class Blocks {

    private Blocks() {
    }

    /** Number of elements of a shape. */
    static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The C-order coordinates of flat index {@code index} in a grid of {@code shape}. */
    static int[] unravel(long index, int[] shape) {
        int[] position = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            position[d] = (int) (index % shape[d]);
            index /= shape[d];
        }
        return position;
    }

    /**
     * Copies the box of size {@code extent} at {@code srcOrigin} of a C-order array of
     * {@code srcShape} into {@code dst} (C-order, {@code dstShape}) at {@code dstOrigin}.
     * Offsets are in elements of {@code elementBytes} from each buffer's position 0.
     */
    static void copy(ByteBuffer src, int[] srcShape, int[] srcOrigin,
                     ByteBuffer dst, int[] dstShape, int[] dstOrigin, int[] extent, int elementBytes) {
        int rank = extent.length;
        if (rank == 0) {
            dst.put(0, src, 0, elementBytes);
            return;
        }
        int rowBytes = extent[rank - 1] * elementBytes;
        long rows = 1;
        for (int d = 0; d < rank - 1; d++) {
            rows *= extent[d];
        }
        int[] at = new int[rank];
        for (long r = 0; r < rows; r++) {
            long srcIndex = 0;
            long dstIndex = 0;
            for (int d = 0; d < rank; d++) {
                srcIndex = srcIndex * srcShape[d] + srcOrigin[d] + at[d];
                dstIndex = dstIndex * dstShape[d] + dstOrigin[d] + at[d];
            }
            dst.put(Math.toIntExact(dstIndex * elementBytes), src, Math.toIntExact(srcIndex * elementBytes), rowBytes);
            for (int d = rank - 2; d >= 0; d--) {
                if (++at[d] < extent[d]) {
                    break;
                }
                at[d] = 0;
            }
        }
    }
}
