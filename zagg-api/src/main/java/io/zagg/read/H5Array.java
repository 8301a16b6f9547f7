package io.zagg.read;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.DatasetBase;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfInvalidPathException;
import io.jhdf.filter.PipelineFilterWithData;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One numeric HDF5 dataset of a granule, opened and checked, and its reads: row ranges decoded
 * into a Java array by independent tasks (one per few chunks) that {@link WorkSharing} runs.
 *
 * <p>Chunked datasets whose chunks span whole rows and whose filters are deflate, shuffle +
 * deflate or none — the ICESat-2 layout — are decoded here: each chunk is inflated once, with
 * one {@link Inflater} per task, straight from jhdf's raw chunk buffer, and only
 * the rows asked for are unshuffled. Other filter pipelines use jhdf's chunk decoder, other
 * layouts jhdf's slice reader. A chunk is decoded once per read however many ranges touch it.
 */
final class H5Array {

    // decoded bytes one task aims at: a few 80 KB chunks, small enough to spread a beam over workers
    private static final int TASK_BYTES = 256 * 1024;
    private static final int SLICE_ROWS = 1 << 20;
    private static final int DEFLATE = 1;
    private static final int SHUFFLE = 2;

    private final String path;
    private final Dataset dataset;
    private final DType dtype;
    private final ByteOrder order;
    private final int rows;
    private final int width;
    private final int rank;

    private H5Array(String path, Dataset dataset, DType dtype, ByteOrder order, int[] dims) {
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
        return new H5Array(path, ds, dtype, order, ds.getDimensions());
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
        int[] chunk = dataset instanceof ChunkedDataset ? ((ChunkedDataset) dataset).getChunkDimensions() : null;
        boolean wholeRows = chunk != null && chunk.length == rank && rank >= 1 && coversRows(chunk);
        if (wholeRows) {
            addChunkReads(ranges, dest, tasks, chunk[0], cache);
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

    private void addChunkReads(RowRanges ranges, Object dest, List<Runnable> tasks, int chunkRows, InflatedChunks.Dataset cache) {
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
        long chunkBytes = (long) chunkRows * width * dtype.byteSize();
        int chunksPerTask = (int) Math.max(1, TASK_BYTES / chunkBytes);
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
            tasks.add(() -> decodeChunks(mine, dest, chunkRows, cache));
        }
    }

    private void decodeChunks(List<int[]> pieces, Object dest, int chunkRows, InflatedChunks.Dataset cache) {
        int current = -1;
        try (ChunkDecoder decoder = new ChunkDecoder(chunkRows, cache)) {
            for (int[] p : pieces) {
                if (p[0] != current) {
                    current = p[0];
                    decoder.load(current);
                }
                decoder.copyRows(p[1], p[2], dest, p[3] * width);
            }
        } catch (BeamFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BeamFailure(path, "cannot decode chunk at row " + (long) Math.max(current, pieces.get(0)[0]) * chunkRows + ": "
                    + BeamFailure.describe(e), e);
        }
    }

    /** One task's chunk decoder: its own inflater and buffers, released when the task ends. */
    private final class ChunkDecoder implements AutoCloseable {
        private final int chunkRows;
        private final int elements;
        private final int es = dtype.byteSize();
        private final boolean fast;
        private final boolean deflate;
        private final boolean shuffle;
        private final InflatedChunks.Dataset cache;
        private Inflater inflater;
        private byte[] inflated;
        private byte[] scratch;
        private ByteBuffer plain; // decoded rows, when not shuffled
        private boolean shuffled;

        ChunkDecoder(int chunkRows, InflatedChunks.Dataset cache) {
            this.chunkRows = chunkRows;
            this.cache = cache;
            this.elements = Math.multiplyExact(chunkRows, width);
            List<PipelineFilterWithData> filters = dataset.getFilters();
            int[] ids = filters.stream().mapToInt(PipelineFilterWithData::getId).toArray();
            boolean none = ids.length == 0;
            boolean onlyDeflate = ids.length == 1 && ids[0] == DEFLATE;
            boolean shuffleDeflate = ids.length == 2 && ids[0] == SHUFFLE && ids[1] == DEFLATE;
            this.fast = none || onlyDeflate || shuffleDeflate;
            this.deflate = onlyDeflate || shuffleDeflate;
            this.shuffle = shuffleDeflate && es > 1;
        }

        void load(int k) {
            int[] offset = new int[rank];
            offset[0] = k * chunkRows;
            ChunkedDataset chunked = (ChunkedDataset) dataset;
            shuffled = false;
            if (!fast) {
                plain = ByteBuffer.wrap(chunked.getDecompressedChunk(offset));
                requireSize(plain.remaining(), k);
                return;
            }
            byte[] known = deflate && cache != null ? cache.get(k) : null;
            if (known != null) {
                inflated = known;
                shuffled = shuffle;
                plain = shuffled ? null : ByteBuffer.wrap(inflated);
                return;
            }
            ByteBuffer raw = chunked.getRawChunkBuffer(offset);
            if (!deflate) {
                plain = raw.slice();
                requireSize(plain.remaining(), k);
                return;
            }
            if (inflater == null) {
                inflater = new Inflater();
            }
            if (inflated == null || cache != null) {
                inflated = new byte[elements * es]; // a kept chunk is never overwritten
            }
            inflater.reset();
            inflater.setInput(raw);
            int got;
            try {
                got = inflater.inflate(inflated);
            } catch (DataFormatException e) {
                throw new BeamFailure(path, "chunk at row " + (long) k * chunkRows + " is corrupt: deflate failed (" + e.getMessage() + ")", e);
            }
            if (got != inflated.length || !streamEnds()) {
                throw new BeamFailure(path, "chunk at row " + (long) k * chunkRows + " is corrupt or truncated: it does not inflate to exactly "
                        + inflated.length + " bytes (got " + got + (inflater.finished() ? "" : " and more or a cut stream") + ")");
            }
            shuffled = shuffle;
            plain = shuffled ? null : ByteBuffer.wrap(inflated);
            if (cache != null) {
                cache.put(k, inflated);
            }
        }

        // zlib may stop at a full output buffer before reading the end of the stream
        private boolean streamEnds() {
            if (inflater.finished()) {
                return true;
            }
            try {
                return inflater.inflate(new byte[1]) == 0 && inflater.finished();
            } catch (DataFormatException e) {
                return false;
            }
        }

        private void requireSize(int bytes, int k) {
            if (bytes < elements * es) {
                throw new BeamFailure(path, "chunk at row " + (long) k * chunkRows + " holds " + bytes + " bytes, expected " + (long) elements * es);
            }
        }

        /** Copies chunk rows {@code [from, to)} to {@code dest} starting at element {@code destElement}. */
        void copyRows(int from, int to, Object dest, int destElement) {
            int a = from * width;
            int n = (to - from) * width;
            if (!shuffled) {
                ByteBuffer src = plain.duplicate();
                src.position(src.position() + a * es);
                copy(src.order(order), dest, destElement, n);
                return;
            }
            if (scratch == null) {
                scratch = new byte[elements * es];
            }
            // HDF5 shuffle stores byte j of element i at j * elements + i
            for (int j = 0; j < es; j++) {
                int plane = j * elements + a;
                for (int i = 0; i < n; i++) {
                    scratch[i * es + j] = inflated[plane + i];
                }
            }
            copy(ByteBuffer.wrap(scratch, 0, n * es).order(order), dest, destElement, n);
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
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
