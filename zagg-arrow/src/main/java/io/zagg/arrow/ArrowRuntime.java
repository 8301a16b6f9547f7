package io.zagg.arrow;

import io.zagg.spi.CarrierUnavailableException;
import org.apache.arrow.memory.AllocationListener;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.rounding.SegmentRoundingPolicy;

/**
 * The process-wide root allocator every shard's child allocator hangs from, created on first use
 * after probing that Arrow can work in this JVM. The outcome is kept: neither the JVM flags nor
 * the class path change while it runs.
 */
final class ArrowRuntime {

    /** The flag Arrow's NIO views need on JDK 17+ (class path form). */
    static final String ADD_OPENS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

    /**
     * Buffers are rounded up to 1 KiB, not to Arrow's default next power of two, which could
     * nearly double a column's footprint below 16 MiB.
     */
    private static final long SEGMENT = 1024;

    private static BufferAllocator root;
    private static String problem;

    private ArrowRuntime() {
    }

    /**
     * @throws CarrierUnavailableException saying which flag or jar to add when Arrow cannot work
     */
    static synchronized BufferAllocator root() {
        if (root == null && problem == null) {
            try {
                BufferAllocator candidate = new RootAllocator(AllocationListener.NOOP, Long.MAX_VALUE, new SegmentRoundingPolicy(SEGMENT));
                problem = probe(candidate);
                if (problem == null) {
                    root = candidate;
                } else {
                    candidate.close();
                }
            } catch (RuntimeException | LinkageError e) {
                // No DefaultAllocationManager (arrow-memory-unsafe missing) or an Arrow class missing
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                problem = "carrier 'arrow' cannot start: Arrow's memory libraries are incomplete (" + e
                        + (cause == e ? "" : ", caused by " + cause) + "); add org.apache.arrow:arrow-memory-core and"
                        + " org.apache.arrow:arrow-memory-unsafe to the class path or module path";
            }
        }
        if (problem != null) {
            throw new CarrierUnavailableException(problem);
        }
        return root;
    }

    /** Exercises the one thing the flag unlocks: a NIO view of an Arrow buffer (bulk copies, encoding). */
    private static String probe(BufferAllocator allocator) {
        try (ArrowBuf buf = allocator.buffer(8)) {
            buf.nioBuffer(0, 8);
            return null;
        } catch (UnsupportedOperationException e) {
            return "carrier 'arrow' cannot start: Arrow's off-heap buffers need java.nio opened to them (" + e.getMessage()
                    + "). Add the JVM flag " + ADD_OPENS + " (on the module path: "
                    + "--add-opens=java.base/java.nio=org.apache.arrow.memory.core). The plain carrier needs no flag.";
        }
    }
}
