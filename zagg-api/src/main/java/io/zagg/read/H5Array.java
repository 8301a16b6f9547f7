package io.zagg.read;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfInvalidPathException;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DataFormatException;

/**
 * One numeric HDF5 dataset of a granule, opened and checked, and its reads: row ranges decoded
 * into a Java array by independent tasks (one per few chunks) that {@link WorkSharing} runs.
 *
 * <p>Chunked datasets whose chunks span whole rows and whose filters are deflate, shuffle +
 * deflate or none — the ICESat-2 layout — are decoded here, so that inflating is nearly all the
 * work: each chunk's stored bytes are read with one positional read ({@link ChunkIndex}) into the
 * thread's reused buffer, inflated once by the thread's reused {@link java.util.zip.Inflater}
 * ({@link DecodeBuffers}) — a whole one-byte-element chunk straight into the destination array —
 * and only the rows asked for are unshuffled ({@link Unshuffle}, fused with the byte-order
 * conversion) or copied. Chunks whose filter mask says a filter was skipped are decoded without
 * it. Other filter pipelines use jhdf's chunk decoder, other layouts jhdf's slice reader. A chunk
 * is decoded once per read however many ranges touch it.
 */
final class H5Array {

    // decoded bytes one task aims at: a few 80 KB chunks, small enough to spread a beam over workers
    private static final int TASK_BYTES = 256 * 1024;
    private static final int SLICE_ROWS = 1 << 20;
    private static final int DEFLATE = 1;
    private static final int SHUFFLE = 2;

    private final HdfFile file;
    private final String path;
    private final Dataset dataset;
    private final DType dtype;
    private final ByteOrder order;
    private final int rows;
    private final int width;
    private final int rank;

    private H5Array(HdfFile file, String path, Dataset dataset, DType dtype, ByteOrder order, int[] dims) {
        this.file = file;
        this.path = path;
        this.dataset = dataset;
        this.dtype = dtype;
        this.order = order;
        this.rank = dims.length;
        this.rows = dims.length == 0 ? 1 : dims[0];
        int w = 1;
        for (int i = 1; i < dims.length; i++) {
            w = Math.multiplyExact(w, dims[i]);
        }
        this.width = w;
    }

    /** Opens a numeric dataset; a missing, non-dataset or non-numeric node is a {@link BeamFailure}. */
    static H5Array open(HdfFile file, String path) {
        try {
            return inspect(file, path);
        } catch (BeamFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // a damaged object header or a truncated file surfaces here as any runtime exception
            throw new BeamFailure(path, "cannot open: " + BeamFailure.describe(e), e);
        }
    }

    private static H5Array inspect(HdfFile file, String path) {
        Node node;
        try {
            node = file.getByPath(path);
        } catch (HdfInvalidPathException e) {
            throw new BeamFailure(path, "dataset is missing");
        }
        if (!(node instanceof Dataset)) {
            throw new BeamFailure(path, "is a " + node.getType().name().toLowerCase(Locale.ROOT) + ", not a dataset");
        }
        Dataset ds = (Dataset) node;
        DataType type = ds.getDataType();
        DType dtype;
        ByteOrder order;
        if (type instanceof FloatingPoint && (type.getSize() == 4 || type.getSize() == 8)) {
            dtype = type.getSize() == 4 ? DType.FLOAT32 : DType.FLOAT64;
            order = ((FloatingPoint) type).getByteOrder();
        } else if (type instanceof FixedPoint && Integer.bitCount(type.getSize()) == 1 && type.getSize() <= 8) {
            boolean signed = ((FixedPoint) type).isSigned();
            dtype = DType.parse((signed ? "i" : "u") + type.getSize());
            order = ((FixedPoint) type).getByteOrder();
        } else {
            throw new BeamFailure(path, "has HDF5 type " + type.getClass().getSimpleName() + " of " + type.getSize()
                    + " bytes; only integer and floating-point datasets can be read");
        }
        return new H5Array(file, path, ds, dtype, order, ds.getDimensions());
    }

    String path() {
        return path;
    }

    DType dtype() {
        return dtype;
    }

    int rows() {
        return rows;
    }

    /** Elements per row: 1 for a 1-D dataset, 5 for {@code signal_conf_ph (N, 5)}. */
    int width() {
        return width;
    }

    /** Requires rank 1 ({@code maxRank == 1}) or rank 1..{@code maxRank}. */
    H5Array requireRank(int maxRank, String role) {
        if (rank < 1 || rank > maxRank) {
            throw new BeamFailure(path, "has rank " + rank + " (shape " + shape() + "); " + role + " must be "
                    + (maxRank == 1 ? "1-D" : "1-D or 2-D"));
        }
        return this;
    }

    H5Array requireRows(int expected, String reference) {
        if (rows != expected) {
            throw new BeamFailure(path, "has " + rows + " rows but " + reference + " has " + expected);
        }
        return this;
    }

    H5Array requireInteger(String role) {
        if (dtype.isFloating()) {
            throw new BeamFailure(path, "has dtype " + dtype.numpyName() + "; " + role + " must be integers");
        }
        return this;
    }

    private String shape() {
        int[] dims = dataset.getDimensions();
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) {
            s.append(i == 0 ? "" : ", ").append(dims[i]);
        }
        return s.append(dims.length == 1 ? ",)" : ")").toString();
    }

    /** The dataset's {@code _FillValue} attribute, when it has a numeric one. */
    Optional<Number> fillValue() {
        Attribute a;
        try {
            a = dataset.getAttribute("_FillValue");
        } catch (HdfException e) {
            throw new BeamFailure(path, "cannot read its _FillValue attribute: " + BeamFailure.describe(e), e);
        }
        if (a == null) {
            return Optional.empty();
        }
        Object v = a.getData();
        if (v != null && v.getClass().isArray() && Array.getLength(v) == 1) {
            v = Array.get(v, 0);
        }
        return v instanceof Number ? Optional.of((Number) v) : Optional.empty();
    }

    /** A new array for {@code rows} rows of this dataset ({@code double[]} for float64, ...). */
    Object newArray(int rows) {
        return Columns.arrayOf(Columns.allocate(dtype, rows, width));
    }

    /** Wraps an array of this dataset's rows as a column. */
    Column column(Object array) {
        return Columns.wrap(array, dtype, width);
    }

    /**
     * Adds to {@code tasks} the work that decodes the rows of {@code ranges} into
     * {@code dest}, local row {@code i} of the ranges at element {@code i * width}.
     */
    void addReads(RowRanges ranges, Object dest, List<Runnable> tasks) {
        addReads(ranges, dest, tasks, null);
    }

    /** {@link #addReads(RowRanges, Object, List)}, taking and keeping inflated chunks in {@code cache} (null: none). */
    void addReads(RowRanges ranges, Object dest, List<Runnable> tasks, InflatedChunks.Dataset cache) {
        if (ranges.total() == 0) {
            return;
        }
        int[] chunk = dataset instanceof ChunkedDatasetBase ? ((ChunkedDatasetBase) dataset).getChunkDimensions() : null;
        boolean wholeRows = chunk != null && chunk.length == rank && rank >= 1 && coversRows(chunk);
        if (wholeRows) {
            ChunkCodec codec;
            try {
                codec = new ChunkCodec((ChunkedDatasetBase) dataset, chunk[0], cache);
            } catch (RuntimeException e) {
                throw new BeamFailure(path, "cannot read its chunk index: " + BeamFailure.describe(e), e);
            }
            addChunkReads(ranges, dest, tasks, codec);
        } else {
            addSliceReads(ranges, dest, tasks);
        }
    }

    private boolean coversRows(int[] chunk) {
        int[] dims = dataset.getDimensions();
        for (int i = 1; i < dims.length; i++) {
            if (chunk[i] != dims[i]) {
                return false;
            }
        }
        return true;
    }

    private void addSliceReads(RowRanges ranges, Object dest, List<Runnable> tasks) {
        for (int r = 0; r < ranges.count(); r++) {
            for (int s = ranges.start(r); s < ranges.end(r); s += SLICE_ROWS) {
                int start = s;
                int len = Math.min(SLICE_ROWS, ranges.end(r) - s);
                int local = ranges.offset(r) + (s - ranges.start(r));
                tasks.add(() -> {
                    long[] offset = new long[rank];
                    int[] shape = dataset.getDimensions().clone();
                    offset[0] = start;
                    shape[0] = len;
                    try {
                        ByteBuffer bytes = ((DatasetBase) dataset).getSliceDataBuffer(offset, shape);
                        copy(bytes.order(order), dest, local * width, len * width);
                    } catch (RuntimeException e) {
                        throw new BeamFailure(path, "cannot read rows " + start + ".." + (start + len) + ": " + BeamFailure.describe(e), e);
                    }
                });
            }
        }
    }

    private void addChunkReads(RowRanges ranges, Object dest, List<Runnable> tasks, ChunkCodec codec) {
        int chunkRows = codec.chunkRows;
        // pieces in row order; one per (range, chunk) overlap
        List<int[]> pieces = new ArrayList<>(); // {chunk, firstRowInChunk, endRowInChunk, localRow}
        for (int r = 0; r < ranges.count(); r++) {
            int s = ranges.start(r);
            int e = ranges.end(r);
            for (int k = s / chunkRows; (long) k * chunkRows < e; k++) {
                int a = Math.max(s, k * chunkRows);
                int b = (int) Math.min(e, (long) (k + 1) * chunkRows);
                pieces.add(new int[] {k, a - k * chunkRows, b - k * chunkRows, ranges.offset(r) + (a - s)});
            }
        }
        int chunksPerTask = Math.max(1, TASK_BYTES / codec.chunkBytes);
        int i = 0;
        while (i < pieces.size()) {
            int from = i;
            int chunks = 0;
            int previous = -1;
            while (i < pieces.size()) {
                int k = pieces.get(i)[0];
                if (k != previous) {
                    if (chunks == chunksPerTask) {
                        break;
                    }
                    chunks++;
                    previous = k;
                }
                i++;
            }
            List<int[]> mine = pieces.subList(from, i);
            tasks.add(() -> codec.decode(mine, dest));
        }
    }

    /**
     * How one dataset's chunks are decoded: the filter pipeline resolved once, the chunk index
     * and the dataset's geometry; shared by the tasks of one read, each decoding with its own
     * thread's {@link DecodeBuffers}.
     */
    private final class ChunkCodec {
        private final ChunkedDatasetBase chunked;
        private final int chunkRows;
        private final int elements;
        private final int chunkBytes;
        private final int es = dtype.byteSize();
        private final ChunkIndex index; // null when jhdf's own decoder handles the pipeline
        private final int shuffleAt; // position of the filter in the pipeline, -1 when absent
        private final int deflateAt;
        private final InflatedChunks.Dataset cache; // null: every chunk is inflated where it is read

        ChunkCodec(ChunkedDatasetBase chunked, int chunkRows, InflatedChunks.Dataset cache) {
            this.chunked = chunked;
            this.cache = cache;
            this.chunkRows = chunkRows;
            this.elements = Math.multiplyExact(chunkRows, width);
            this.chunkBytes = Math.multiplyExact(elements, es);
            int[] ids = chunked.getFilters().stream().mapToInt(PipelineFilterWithData::getId).toArray();
            boolean none = ids.length == 0;
            boolean onlyDeflate = ids.length == 1 && ids[0] == DEFLATE;
            boolean shuffleDeflate = ids.length == 2 && ids[0] == SHUFFLE && ids[1] == DEFLATE;
            this.shuffleAt = shuffleDeflate ? 0 : -1;
            this.deflateAt = onlyDeflate ? 0 : shuffleDeflate ? 1 : -1;
            this.index = none || onlyDeflate || shuffleDeflate ? ChunkIndex.of(file, chunked) : null;
        }

        /** Decodes the chunks of {@code pieces} (in chunk order) into {@code dest}. */
        void decode(List<int[]> pieces, Object dest) {
            int k = -1;
            try {
                DecodeBuffers buffers = DecodeBuffers.mine();
                for (int i = 0, j; i < pieces.size(); i = j) {
                    k = pieces.get(i)[0];
                    j = i + 1;
                    while (j < pieces.size() && pieces.get(j)[0] == k) {
                        j++;
                    }
                    decodeChunk(k, pieces.subList(i, j), dest, buffers);
                }
            } catch (BeamFailure e) {
                throw e;
            } catch (IOException e) {
                throw new BeamFailure(path, "chunk at row " + (long) k * chunkRows + " cannot be read: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw new BeamFailure(path, "cannot decode chunk at row " + (long) Math.max(k, pieces.get(0)[0]) * chunkRows + ": "
                        + BeamFailure.describe(e), e);
            }
        }

        private void decodeChunk(int k, List<int[]> pieces, Object dest, DecodeBuffers buffers) throws IOException {
            long row = (long) k * chunkRows;
            if (index == null) {
                int[] offset = new int[rank];
                offset[0] = (int) row;
                byte[] plain = chunked.getDecompressedChunk(offset);
                requireSize(plain.length, row);
                copyPieces(plain, false, pieces, dest);
                return;
            }
            Chunk chunk = index.chunkAt(row);
            if (chunk == null) {
                throw new BeamFailure(path, "chunk at row " + row + " is missing: the dataset's chunk index has no entry for it");
            }
            // a set bit in the chunk's filter mask: that filter was skipped when the chunk was written
            BitSet skipped = chunk.getFilterMask();
            boolean deflated = deflateAt >= 0 && !skipped.get(deflateAt);
            boolean shuffled = shuffleAt >= 0 && !skipped.get(shuffleAt) && es > 1;
            if (deflated && cache != null) {
                // inflated once for the shards and threads that want it, into an array the cache keeps
                try (InflatedChunks.Use use = cache.chunk(k, chunkBytes,
                        into -> inflate(buffers, index.read(chunk, buffers.stored(chunk.getSize())), into, 0, row))) {
                    copyPieces(use.bytes(), shuffled, pieces, dest);
                }
                return;
            }
            ByteBuffer stored = index.read(chunk, buffers.stored(chunk.getSize()));
            int[] only = pieces.get(0);
            if (deflated && es == 1 && pieces.size() == 1 && only[2] - only[1] == chunkRows) {
                inflate(buffers, stored, (byte[]) dest, only[3] * width, row); // the whole chunk, straight into place
                return;
            }
            byte[] plain = buffers.inflated(chunkBytes);
            if (deflated) {
                inflate(buffers, stored, plain, 0, row);
            } else {
                requireSize(stored.remaining(), row);
                stored.get(plain, 0, chunkBytes);
            }
            copyPieces(plain, shuffled, pieces, dest);
        }

        private void inflate(DecodeBuffers buffers, ByteBuffer stored, byte[] out, int offset, long row) {
            try {
                buffers.inflate(stored, out, offset, chunkBytes);
            } catch (DataFormatException e) {
                throw new BeamFailure(path, "chunk at row " + row + " is corrupt: deflate failed (" + e.getMessage() + ")", e);
            } catch (DecodeBuffers.InflateMismatch e) {
                throw new BeamFailure(path, "chunk at row " + row + " is corrupt or truncated: " + e.getMessage());
            }
        }

        private void requireSize(int bytes, long row) {
            if (bytes < chunkBytes) {
                throw new BeamFailure(path, "chunk at row " + row + " holds " + bytes + " bytes, expected " + chunkBytes);
            }
        }

        /** Copies each piece's rows of the decoded chunk {@code plain} to its place in {@code dest}. */
        private void copyPieces(byte[] plain, boolean shuffled, List<int[]> pieces, Object dest) {
            for (int[] p : pieces) {
                int first = p[1] * width;
                int n = (p[2] - p[1]) * width;
                if (shuffled) {
                    Unshuffle.into(plain, elements, first, n, order, dest, p[3] * width);
                } else {
                    copy(ByteBuffer.wrap(plain, first * es, n * es).order(order), dest, p[3] * width, n);
                }
            }
        }
    }

    /** Copies {@code n} elements from {@code src} (positioned, ordered) into the primitive array {@code dest}. */
    private static void copy(ByteBuffer src, Object dest, int destOffset, int n) {
        if (dest instanceof double[]) {
            src.asDoubleBuffer().get((double[]) dest, destOffset, n);
        } else if (dest instanceof float[]) {
            src.asFloatBuffer().get((float[]) dest, destOffset, n);
        } else if (dest instanceof long[]) {
            src.asLongBuffer().get((long[]) dest, destOffset, n);
        } else if (dest instanceof int[]) {
            src.asIntBuffer().get((int[]) dest, destOffset, n);
        } else if (dest instanceof short[]) {
            src.asShortBuffer().get((short[]) dest, destOffset, n);
        } else {
            src.get((byte[]) dest, destOffset, n);
        }
    }
}
