package io.zagg.spi.testkit;

import static io.zagg.spi.testkit.StagePipeline.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.booleans;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.range;

import io.zagg.spi.Batch;
import io.zagg.spi.Carrier;
import io.zagg.spi.CarrierContext;
import io.zagg.spi.CarrierMemory;
import io.zagg.spi.CarrierProvider;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import io.zagg.spi.InputBatch;
import io.zagg.spi.MemoryBudgetException;
import io.zagg.spi.MutableColumn;
import io.zagg.spi.Ragged;
import io.zagg.spi.ShardStage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * What every carrier must do, as tests: extend this class with the carrier's provider and the
 * same suite runs against it (PLAIN, ARROW and the examples' chunked carrier do). A third-party
 * carrier can run it too, from the {@code zagg-api} test-jar.
 */
public abstract class CarrierContract {

    /** Generous: the budget is tested on its own. */
    protected static final long BUDGET = 1L << 30;

    /** The carrier under test. */
    protected abstract CarrierProvider provider();

    protected Carrier create(long budget) {
        return provider().create(new CarrierContext(budget, 1, "test-shard"));
    }

    // ---- byte identity ----

    @Test
    void everyShardEncodesTheReferenceBytes() {
        qt().withExamples(150).withShrinkCycles(300).forAll(ShardCases.shardCases()).checkAssert(shard -> {
            try (Carrier carrier = create(BUDGET)) {
                ObjectBytes.assertSame("the reference", StagePipeline.reference(shard), "carrier '" + carrier.name() + "'",
                        StagePipeline.run(carrier, shard));
            }
        });
    }

    @Test
    void everyDtypeAndWidthKeepsItsBitsThroughLoadConcatGatherEncode() {
        qt().withExamples(300).forAll(ColumnCase.columnCases()).checkAssert(c -> {
            try (Carrier carrier = create(BUDGET)) {
                assertArrayEquals(c.expectedBytes(), c.encodeThrough(carrier), c.toString());
            }
        });
    }

    @Test
    void encodingIntoAScratchGivesTheSameBytesAndLeavesTheScratchsCursorAlone() {
        qt().withExamples(200).forAll(ColumnCase.columnCases(), booleans()).checkAssert((c, direct) -> {
            // a scratch in the "wrong" byte order, with a cursor of its own and stale bytes
            ByteBuffer scratch = (direct ? ByteBuffer.allocateDirect(512) : ByteBuffer.allocate(512)).order(ByteOrder.BIG_ENDIAN);
            while (scratch.hasRemaining()) {
                scratch.put((byte) 0x5A);
            }
            scratch.position(3).limit(7);
            try (Carrier carrier = create(BUDGET)) {
                assertArrayEquals(c.expectedBytes(), c.encodeThrough(carrier, scratch), c.toString());
                byte[][] concatenated = c.encodeConcatenated(carrier, scratch);
                assertArrayEquals(concatenated[0], concatenated[1], c.toString());
            }
            assertEquals(3, scratch.position());
            assertEquals(7, scratch.limit());
            assertEquals(ByteOrder.BIG_ENDIAN, scratch.order());
        });
    }

    @Test
    void aScratchTooSmallOrReadOnlyIsRefused() {
        try (Carrier carrier = create(BUDGET)) {
            Batch out = carrier.newBatch(3);
            out.add("count", DType.INT32, 1);
            assertEquals("cannot encode rows [0, 3) of column 'count' into a scratch of 11 bytes: they are 12 bytes",
                    assertThrows(IllegalArgumentException.class, () -> out.encode("count", 0, 3, ByteBuffer.allocate(11))).getMessage());
            assertEquals("cannot encode rows [0, 3) of column 'count' into a read-only scratch of 12 bytes: they are 12 bytes",
                    assertThrows(IllegalArgumentException.class,
                            () -> out.encode("count", 0, 3, ByteBuffer.allocate(12).asReadOnlyBuffer())).getMessage());
            assertArrayEquals(new byte[12], bytes(out.encode("count", 0, 3, ByteBuffer.allocate(12))));
        }
    }

    @Test
    void settersAndGettersConvertExactlyAsHeapColumnsDo() {
        qt().withExamples(400).forAll(enumValues(DType.class), range(0, 2), longRange(Long.MIN_VALUE, Long.MAX_VALUE, 0))
                .checkAssert((dtype, setter, bits) -> {
                    try (Carrier carrier = create(BUDGET)) {
                        MutableColumn mine = carrier.newBatch(1).add("x", dtype, 1);
                        MutableColumn heap = Columns.allocate(dtype, 1, 1);
                        String what = dtype.numpyName() + " setter " + setter + " with bits 0x" + Long.toHexString(bits);
                        assertEquals(afterSet(heap, setter, bits), afterSet(mine, setter, bits), what);
                        assertEquals(outcome(heap, c -> c.getFloat(0)), outcome(mine, c -> c.getFloat(0)), what + ", getFloat");
                        assertEquals(outcome(heap, c -> c.getDouble(0)), outcome(mine, c -> c.getDouble(0)), what + ", getDouble");
                        assertEquals(outcome(heap, c -> c.getLong(0)), outcome(mine, c -> c.getLong(0)), what + ", getLong");
                    }
                });
    }

    @Test
    void repeatFirstCopiesTheFirstElementsBitsAndNoFurther() {
        qt().withExamples(200).forAll(enumValues(DType.class), range(1, 3), range(1, 40), longRange(Long.MIN_VALUE, Long.MAX_VALUE, 0))
                .checkAssert((dtype, width, rows, bits) -> {
                    try (Carrier carrier = create(BUDGET)) {
                        MutableColumn mine = carrier.newBatch(rows).add("x", dtype, width);
                        long elements = (long) rows * width;
                        long count = 1 + Long.remainderUnsigned(bits, elements);
                        set(mine, dtype.isFloating() ? 1 : 0, bits);
                        Object first = outcome(mine, c -> element(c, 0));
                        mine.repeatFirst(count);
                        for (long i = 0; i < elements; i++) {
                            long at = i;
                            Object got = outcome(mine, c -> element(c, at));
                            if (i < count) {
                                assertEquals(first, got, dtype.numpyName() + " element " + i + " of " + count);
                            } else {
                                assertEquals(outcome(mine, c -> dtype.isFloating() ? (Object) 0.0 : (Object) 0L), got,
                                        dtype.numpyName() + " element " + i + " past " + count + " stays 0");
                            }
                        }
                        assertThrows(IndexOutOfBoundsException.class, () -> mine.repeatFirst(elements + 1));
                    }
                });
    }

    /** Element {@code i} as the column's natural type: a double for a float dtype, else a long. */
    private static Object element(MutableColumn c, long i) {
        return c.dtype().isFloating() ? (Object) c.getDouble(i) : (Object) c.getLong(i);
    }

    private static void set(MutableColumn c, int setter, long bits) {
        switch (setter) {
            case 0: c.setLong(0, bits); break;
            case 1: c.setDouble(0, Double.longBitsToDouble(bits)); break;
            default: c.setFloat(0, Float.intBitsToFloat((int) bits));
        }
    }

    private static Object afterSet(MutableColumn c, int setter, long bits) {
        return outcome(c, x -> {
            set(x, setter, bits);
            return "set";
        });
    }

    /** A value or the exception an accessor gives, comparable across carriers (floats by their raw bits). */    private static Object outcome(MutableColumn c, Function<MutableColumn, Object> read) {
        try {
            Object v = read.apply(c);
            if (v instanceof Float) {
                return "float 0x" + Integer.toHexString(Float.floatToRawIntBits((Float) v));
            }
            if (v instanceof Double) {
                return "double 0x" + Long.toHexString(Double.doubleToRawLongBits((Double) v));
            }
            return v;
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    // ---- the null guard ----

    @Test
    void aValidityMaskWithNullsIsRejectedNamingSourceColumnAndCount() {
        BitSet valid = new BitSet();
        valid.set(0, 3);
        valid.clear(1);
        InputBatch withNull = InputBatch.builder("ATL03_x.h5 /gt1l")
                .column("h_ph", Columns.of(1f, 2f, 3f))
                .column("leaf_id", Columns.wrap(new long[] {7, 8, 9}, DType.UINT64, 1), valid)
                .build();
        try (Carrier carrier = create(BUDGET)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> carrier.load(withNull));
            assertEquals("carrier '" + carrier.name() + "' requires null-free columns (HDF5 has no nulls and the kernels have no"
                    + " null semantics); ATL03_x.h5 /gt1l has nulls in [leaf_id (1 of 3 rows)]", e.getMessage());
            assertEquals(0, carrier.memory().heldBytes(), "nothing was taken over");
        }
    }

    @Test
    void aValidityMaskWithoutNullsIsAccepted() {
        BitSet valid = new BitSet();
        valid.set(0, 2);
        InputBatch allValid = InputBatch.builder("g /gt2r").column("leaf_id", Columns.wrap(new long[] {7, 8}, DType.UINT64, 1), valid)
                .build();
        try (Carrier carrier = create(BUDGET)) {
            assertEquals(8L, carrier.load(allValid).column("leaf_id").getLong(1));
        }
    }

    // ---- concat ----

    @Test
    void concatKeepsReadOrderAndClosesItsInputs() {
        try (Carrier carrier = create(BUDGET)) {
            Batch a = carrier.load(read("a", 1f, 2f));
            Batch b = carrier.load(read("b"));
            Batch c = carrier.load(read("c", 3f));
            Batch all = carrier.concat(List.of(a, b, c));
            assertEquals(3, all.rows());
            Column h = all.column("h_ph");
            assertEquals(List.of(1f, 2f, 3f), List.of(h.getFloat(0), h.getFloat(1), h.getFloat(2)));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.column("h_ph"));
            assertEquals("batch a was released by concat", e.getMessage());
        }
    }

    @Test
    void concatOfOneBatchMovesItWithoutCopying() {
        try (Carrier carrier = create(BUDGET)) {
            Batch only = carrier.load(read("only", 1f, 2f, 3f));
            CarrierMemory before = carrier.memory();
            Batch all = carrier.concat(List.of(only));
            assertEquals(before.heldBytes(), carrier.memory().heldBytes());
            assertEquals(before.peakBytes(), carrier.memory().peakBytes(), "no copy was made, not even briefly");
            assertEquals(2f, all.column("h_ph").getFloat(1));
        }
    }

    @Test
    void concatReleasesEachInputColumnAsSoonAsItIsJoined() {
        try (Carrier carrier = create(BUDGET)) {
            Batch a = carrier.load(ShardCase.realistic(1, 4000, 1, 8, 1).inputs().get(0));
            Batch b = carrier.load(ShardCase.realistic(1, 4000, 1, 8, 2).inputs().get(0));
            long held = carrier.memory().heldBytes();
            carrier.enter(ShardStage.CONCAT);
            carrier.concat(List.of(a, b));
            long extra = carrier.memory().stagePeaks().get(ShardStage.CONCAT) - held;
            assertTrue(extra <= oneFloat64Column(8000), "concat of lat, lon, h, conf, dem held " + extra
                    + " bytes more than its inputs: more than one joined column at a time");
        }
    }

    @Test
    void concatRejectsDifferentSchemasNamingBothBatches() {
        try (Carrier carrier = create(BUDGET)) {
            Batch a = carrier.load(read("g1 /gt1l", 1f));
            Batch b = carrier.load(InputBatch.builder("g2 /gt1l").column("h_ph", Columns.of(1.0)).build());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> carrier.concat(List.of(a, b)));
            assertEquals("cannot concatenate batch 1 (g2 /gt1l) with batch 0 (g1 /gt1l): column h_ph is float64 there and"
                    + " float32 here", e.getMessage());
            Batch c = carrier.load(InputBatch.builder("g3 /gt1l").column("dem_h", Columns.of(1f)).build());
            assertEquals("cannot concatenate batch 1 (g3 /gt1l) with batch 0 (g1 /gt1l): its columns are [dem_h], not [h_ph]",
                    assertThrows(IllegalArgumentException.class, () -> carrier.concat(List.of(a, c))).getMessage());
        }
    }

    @Test
    void concatRejectsAnotherCarriersBatch() {
        try (Carrier one = create(BUDGET); Carrier other = create(BUDGET)) {
            Batch mine = one.load(read("a", 1f));
            Batch theirs = other.load(read("b", 2f));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.concat(List.of(mine, theirs)));
            assertTrue(e.getMessage().startsWith("batch b belongs to carrier '" + one.name() + "' for shard test-shard, not to"),
                    e.getMessage());
        }
    }

    // ---- index, sort ----

    @Test
    void releasingAColumnReturnsItsBytes() {
        try (Carrier carrier = create(BUDGET)) {
            Batch rows = carrier.load(ShardCase.realistic(1, 5000, 1, 8, 3).inputs().get(0));
            long before = carrier.memory().heldBytes();
            rows.release("lat_ph");
            rows.release("lon_ph");
            long freed = before - carrier.memory().heldBytes();
            assertTrue(freed >= 2 * 5000 * 8, "releasing two float64 columns of 5000 rows freed only " + freed + " bytes");
            assertEquals(List.of("h_ph", "signal_conf_ph", "dem_h"), rows.names());
            assertThrows(IllegalArgumentException.class, () -> rows.column("lat_ph"));
        }
    }

    @Test
    void gatherReordersEveryColumnAndReleasesTheOrder() {
        try (Carrier carrier = create(BUDGET)) {
            Batch rows = carrier.load(InputBatch.builder("r")
                    .column("h", Columns.of(10f, 20f, 30f))
                    .column("conf", Columns.wrap(new byte[] {1, 2, 3, 4, 5, 6}, DType.INT8, 2))
                    .build());
            MutableColumn order = rows.add("order", DType.INT64, 1);
            order.setLong(0, 2);
            order.setLong(1, 0);
            order.setLong(2, 1);
            rows.gather("order");
            assertEquals(List.of("h", "conf"), rows.names());
            assertArrayEquals(new byte[] {0, 0, (byte) 0xf0, 0x41, 0, 0, 0x20, 0x41, 0, 0, (byte) 0xa0, 0x41}, bytes(rows.encode("h", 0, 3)));
            assertArrayEquals(new byte[] {5, 6, 1, 2, 3, 4}, bytes(rows.encode("conf", 0, 3)));
        }
    }

    @Test
    void gatherAcceptsAPermutationHeldOutsideTheBatch() {
        try (Carrier carrier = create(BUDGET)) {
            Batch rows = carrier.load(read("r", 10f, 20f, 30f));
            int[] permutation = {1, 2, 0};
            rows.gather(Columns.wrap(permutation, DType.INT32, 1));
            assertEquals(List.of("h_ph"), rows.names());
            assertArrayEquals(new byte[] {0, 0, (byte) 0xa0, 0x41, 0, 0, (byte) 0xf0, 0x41, 0, 0, 0x20, 0x41}, bytes(rows.encode("h_ph", 0, 3)));
        }
    }

    @Test
    void gatherRejectsAnIndexOutsideTheRows() {
        try (Carrier carrier = create(BUDGET)) {
            Batch rows = carrier.load(read("r", 1f, 2f));
            MutableColumn order = rows.add("order", DType.INT32, 1);
            order.setLong(1, 2);
            assertEquals("order column 'order' holds 2 at row 1, outside 0..1",
                    assertThrows(IllegalArgumentException.class, () -> rows.gather("order")).getMessage());
            assertEquals("order column 'h_ph' must be an integer column of width 1 and 2 rows, not 2 rows of float32",
                    assertThrows(IllegalArgumentException.class, () -> rows.gather("h_ph")).getMessage());
            assertEquals("order column must be an integer column of width 1 and 2 rows, not 3 rows of int32",
                    assertThrows(IllegalArgumentException.class, () -> rows.gather(Columns.wrap(new int[3], DType.INT32, 1))).getMessage());
        }
    }

    @Test
    void gatherHoldsOneExtraColumnAtATime() {
        try (Carrier carrier = create(BUDGET)) {
            Batch rows = carrier.load(ShardCase.realistic(1, 6000, 1, 8, 4).inputs().get(0));
            MutableColumn order = rows.add("order", DType.INT32, 1);
            for (int i = 0; i < 6000; i++) {
                order.setLong(i, 5999 - i);
            }
            long held = carrier.memory().heldBytes();
            carrier.enter(ShardStage.SORT);
            rows.gather("order");
            long extra = carrier.memory().stagePeaks().get(ShardStage.SORT) - held;
            assertTrue(extra <= oneFloat64Column(6000), "gather held " + extra
                    + " bytes more than its input: more than one sorted copy at a time");
            assertTrue(carrier.memory().heldBytes() < held, "the order column was released");
        }
    }

    // ---- output, encode ----

    @Test
    void outputColumnsStartAtZeroAndEncodeLittleEndianRowRanges() {
        try (Carrier carrier = create(BUDGET)) {
            Batch out = carrier.newBatch(3);
            MutableColumn count = out.add("count", DType.INT32, 1);
            MutableColumn wave = out.add("waveform", DType.UINT16, 2);
            MutableColumn ids = out.add("cell_ids", DType.UINT64, 1);
            count.setLong(1, 0x01020304);
            wave.setLong(5, 0xBEEF);
            ids.setLong(2, -2L);
            assertArrayEquals(new byte[] {0, 0, 0, 0, 4, 3, 2, 1}, bytes(out.encode("count", 0, 2)));
            assertArrayEquals(new byte[] {0, 0, (byte) 0xEF, (byte) 0xBE}, bytes(out.encode("waveform", 2, 3)));
            assertArrayEquals(new byte[] {(byte) 0xFE, -1, -1, -1, -1, -1, -1, -1}, bytes(out.encode("cell_ids", 2, 3)));
            assertEquals(0, out.encode("count", 3, 3).remaining());
            assertEquals("cannot encode rows [2, 4) of column 'count': the batch has 3 rows",
                    assertThrows(IllegalArgumentException.class, () -> out.encode("count", 2, 4)).getMessage());
            assertEquals("batch output already has a column 'count'",
                    assertThrows(IllegalArgumentException.class, () -> out.add("count", DType.INT32, 1)).getMessage());
        }
    }

    @Test
    void raggedPayloadsBecomeACsrTriple() {
        try (Carrier carrier = create(BUDGET)) {
            Ragged digest = carrier.newRagged(DType.FLOAT32, 2);
            float[] scratch = {1f, 10f, 2f, 20f};
            digest.append(1, Columns.wrap(scratch, DType.FLOAT32, 2));
            scratch[0] = 3f;   // the payload was copied: reusing the scratch array changes nothing
            digest.append(2, Columns.wrap(new float[0], DType.FLOAT32, 2));
            for (int cell = 4; cell < 400; cell++) {
                digest.append(cell, Columns.wrap(new float[] {cell, -cell}, DType.FLOAT32, 2));
            }
            assertEquals(397, digest.cells(), "the empty payload of cell 2 was skipped");
            assertEquals(398, digest.valueRows());
            assertEquals(1f, digest.values().getFloat(0));
            assertEquals(-399f, digest.values().getFloat(795));
            assertEquals(398, digest.values().rows());
            assertEquals(398L, digest.offsets().getLong(397));
            assertEquals(2L, digest.offsets().getLong(1));
            assertEquals(399L, digest.cellIds().getLong(396));
            assertEquals(398 * 8, digest.encodeValues().remaining());
            assertEquals(398 * 8, digest.encodeOffsets().remaining());
            assertEquals(397 * 8, digest.encodeCellIds().remaining());
            assertThrows(IllegalStateException.class, () -> digest.append(500, Columns.wrap(new float[2], DType.FLOAT32, 2)));
        }
    }

    @Test
    void raggedRejectsCellsOutOfOrderAndForeignPayloads() {
        try (Carrier carrier = create(BUDGET)) {
            Ragged r = carrier.newRagged(DType.FLOAT32, 2);
            r.append(3, Columns.wrap(new float[2], DType.FLOAT32, 2));
            assertEquals("cell 3 must be ≥ 0 and follow cell 3 appended before",
                    assertThrows(IllegalArgumentException.class, () -> r.append(3, Columns.wrap(new float[2], DType.FLOAT32, 2))).getMessage());
            assertEquals("payload of cell 4 is float64, the ragged field holds float32×2",
                    assertThrows(IllegalArgumentException.class, () -> r.append(4, Columns.of(1.0))).getMessage());
        }
    }

    @Test
    void anEmptyRaggedFieldEncodesOneZeroOffset() {
        try (Carrier carrier = create(BUDGET)) {
            Ragged r = carrier.newRagged(DType.FLOAT32, 2);
            assertEquals(0, r.encodeValues().remaining());
            assertArrayEquals(new byte[8], bytes(r.encodeOffsets()));
            assertEquals(0, r.encodeCellIds().remaining());
        }
    }

    // ---- lifetime, accounting, budget ----

    @Test
    void closeReleasesEverythingAndEndsEveryBatch() {
        Carrier carrier = create(BUDGET);
        Batch rows = carrier.load(read("r", 1f, 2f));
        carrier.newRagged(DType.FLOAT64, 1).append(0, Columns.of(1.0));
        carrier.newBatch(4).add("count", DType.INT32, 1);
        assertTrue(carrier.memory().heldBytes() > 0);
        carrier.close();
        carrier.close();
        assertEquals(0, carrier.memory().heldBytes());
        assertEquals("batch r was closed with its carrier", assertThrows(IllegalStateException.class, () -> rows.column("h_ph")).getMessage());
        assertEquals("carrier '" + carrier.name() + "' for shard test-shard is closed",
                assertThrows(IllegalStateException.class, () -> carrier.newBatch(1)).getMessage());
    }

    @Test
    void accountingCountsTheDecodedInputAndEveryStage() {
        ShardCase shard = ShardCase.realistic(3, 2000, 1, 64, 5);
        try (Carrier carrier = create(BUDGET)) {
            StagePipeline.run(carrier, shard);
            CarrierMemory m = carrier.memory();
            assertEquals(shard.rows() * 29, m.inputBytes(), "lat, lon 8 + h, dem 4 + conf 5 bytes a row");
            assertEquals(List.of(ShardStage.values()), List.copyOf(m.stagePeaks().keySet()));
            assertEquals(m.peakBytes(), m.stagePeaks().values().stream().mapToLong(Long::longValue).max().orElseThrow());
            assertTrue(m.stagePeaks().get(ShardStage.READ) >= m.inputBytes(), "every read is held at the end of READ: " + m);
            assertEquals(0, m.heldBytes(), "the pipeline closed every batch: " + m);
        }
    }

    @Test
    void anAllocationBeyondTheBudgetFailsBeforeItHappens() {
        Carrier carrier = create(64 * 1024);
        carrier.load(read("small", 1f, 2f));
        MemoryBudgetException e = assertThrows(MemoryBudgetException.class,
                () -> carrier.load(ShardCase.realistic(1, 10_000, 1, 8, 6).inputs().get(0)));
        assertTrue(e.getMessage().startsWith("carrier '" + carrier.name() + "' for shard test-shard needs "), e.getMessage());
        assertTrue(e.getMessage().contains("at stage READ but already holds"), e.getMessage());
        assertTrue(e.getMessage().endsWith("of its 65536-byte memory budget"), e.getMessage());
        assertTrue(carrier.memory().peakBytes() <= 64 * 1024);
        carrier.close();
        assertEquals(0, carrier.memory().heldBytes());
    }

    /**
     * The memory-lifetime requirement: on the ATL03 column set (lat, lon float64; h_ph, dem_h
     * float32; signal_conf int8 × 5) read as six beams the carrier never holds more than 1.5× the
     * shard's decoded input, through load, concat, index, sort, reduce and encode (zagg: 3×
     * pandas, 2× Arrow).
     */
    @Test
    void peakStaysWithinOneAndAHalfTimesTheDecodedInput() {
        assertPeakWithinOneAndAHalf(ShardCase.realistic(6, 20_000, 4, 1024, 7));
    }

    /**
     * The same at one row per cell, where the output is longer than the rows it comes from (33
     * bytes a cell in the output batch and 8 in the ragged payload, from 29 bytes a row): one
     * inner chunk's output at a time beside the sorted rows still stays within 1.5× the input.
     */
    @Test
    void peakStaysWithinOneAndAHalfTimesTheDecodedInputAtOneRowPerCell() {
        assertPeakWithinOneAndAHalf(ShardCase.onePerCell(6, 8_000, 16, 8));
    }

    private void assertPeakWithinOneAndAHalf(ShardCase shard) {
        try (Carrier carrier = create(BUDGET)) {
            SortedMap<String, byte[]> objects = StagePipeline.run(carrier, shard);
            CarrierMemory m = carrier.memory();
            System.out.println("carrier '" + carrier.name() + "', " + shard.rows() + " rows in " + shard.inputs().size()
                    + " reads over " + shard.cells() + " cells: " + m);
            assertEquals(shard.rows() * 29, m.inputBytes(), "the decoded input: 29 bytes a row");
            assertNotEquals(0, objects.size());
            for (Map.Entry<ShardStage, Long> stage : m.stagePeaks().entrySet()) {
                double ratio = (double) stage.getValue() / m.inputBytes();
                assertTrue(ratio <= 1.5, String.format(Locale.ROOT, "carrier '%s' held %d bytes = %.4f× the decoded input of %d"
                        + " bytes at stage %s, above 1.5×: %s", carrier.name(), stage.getValue(), ratio, m.inputBytes(),
                        stage.getKey(), m));
            }
            assertTrue(m.peakToInput() <= 1.5, String.format(Locale.ROOT, "carrier '%s' peaked at %d bytes = %.4f× the decoded"
                    + " input of %d bytes, above 1.5×: %s", carrier.name(), m.peakBytes(), m.peakToInput(), m.inputBytes(), m));
        }
    }

    /** The most a carrier may spend on one float64 column: values, a validity bit a row, 2 KiB of rounding. */
    private static long oneFloat64Column(long rows) {
        return rows * 8 + rows / 8 + 2048;
    }

    /** One read with only an {@code h_ph} column. */
    protected static InputBatch read(String source, float... h) {
        return InputBatch.builder(Objects.requireNonNull(source)).column("h_ph", Columns.of(h)).build();
    }
}
