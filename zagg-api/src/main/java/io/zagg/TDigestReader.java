package io.zagg;

import com.fasterxml.jackson.databind.JsonNode;
import io.zagg.store.ArraySpec;
import io.zagg.store.CsrBlock;
import io.zagg.store.DirectoryStore;
import io.zagg.spi.DType;
import io.zagg.store.StoreReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads back the per-cell t-digests of a store: a field made by {@link Aggregations#tdigest}, or
 * a zagg config's {@code kind: ragged} field of {@code zagg.stats.tdigest.build_tdigest}. The
 * digests are CSR groups {@code {cell order}/{field}/{chunk}/}, one per inner chunk (the chunk's
 * NESTED id); this reader finds a cell's group and its entry, and hands the digest to
 * {@link TDigests}. It keeps the last chunk it read, so cells of one chunk read it once. Not
 * thread-safe.
 *
 * <pre>{@code
 * TDigestReader digests = TDigestReader.open(Path.of("out.zarr"), "h_tdigest");
 * double median = digests.quantile(1000041383001L, 0.5);     // NaN for a cell without photons
 * }</pre>
 */
public final class TDigestReader {

    private final StoreReader store;
    private final Set<String> groups;
    private final String field;
    private final int cellOrder;
    private final long cellsPerChunk;
    private long cachedChunk = -1;
    private Optional<CsrBlock> cached = Optional.empty();

    private TDigestReader(StoreReader store, String field, int cellOrder, long cellsPerChunk) {
        this.store = store;
        this.groups = new HashSet<>(store.groups());
        this.field = field;
        this.cellOrder = cellOrder;
        this.cellsPerChunk = cellsPerChunk;
    }

    /**
     * Opens the t-digest field {@code field} of the store at {@code store}.
     *
     * @throws IllegalArgumentException when the directory is not one of our stores (one HEALPix
     *     group with the DGGS attributes) or has no such ragged field
     * @throws UncheckedIOException when the store cannot be read
     */
    public static TDigestReader open(Path store, String field) {
        try {
            StoreReader reader = StoreReader.open(DirectoryStore.open(store));
            List<String> healpix = reader.groups().stream().filter(g -> !g.contains("/"))
                    .filter(g -> reader.attributes(g).path("dggs").path("name").asText().equals("healpix")).toList();
            if (healpix.size() != 1) {
                throw new IllegalArgumentException("store " + store + " has " + healpix.size() + " HEALPix groups " + healpix
                        + "; a zagg store has one");
            }
            String group = healpix.get(0);
            JsonNode level = reader.attributes(group).path("dggs").path("refinement_level");
            String fieldGroup = group + "/" + field;
            if (!reader.groups().contains(fieldGroup)) {
                List<String> ragged = reader.groups().stream()
                        .filter(g -> g.startsWith(group + "/") && g.indexOf('/', group.length() + 1) < 0)
                        .map(g -> g.substring(group.length() + 1)).toList();
                throw new IllegalArgumentException("store " + store + " has no ragged field '" + field + "' (ragged fields: "
                        + (ragged.isEmpty() ? "none" : String.join(", ", ragged)) + ")");
            }
            ArraySpec cellIds = reader.array(group + "/cell_ids");
            return new TDigestReader(reader, fieldGroup, level.asInt(), cellIds.innerChunkShape()[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read store " + store, e);
        }
    }

    /** The order of the store's cells. */
    public int cellOrder() {
        return cellOrder;
    }

    /**
     * The digest of cell {@code cell} (its NESTED id at {@link #cellOrder()}): float32
     * {@code [mean, weight, ...]} pairs sorted by mean, as {@link TDigests} takes them; empty
     * when the cell has none (no rows with a finite value, or its chunk was not written).
     *
     * @throws IllegalArgumentException when the cell is outside the grid or the field's rows are not (mean, weight) pairs
     * @throws UncheckedIOException when the store cannot be read
     */
    public Optional<float[]> digest(long cell) {
        long cells = 12L << (2 * cellOrder);
        if (cell < 0 || cell >= cells) {
            throw new IllegalArgumentException("cell " + cell + " is outside the order-" + cellOrder + " grid 0.." + (cells - 1));
        }
        Optional<CsrBlock> block = block(cell / cellsPerChunk);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        CsrBlock b = block.get();
        if (!Arrays.equals(b.innerShape(), new int[] {2}) || !b.dtype().isFloating()) {
            throw new IllegalArgumentException(field + " holds rows of " + Arrays.toString(b.innerShape()) + " "
                    + b.dtype().numpyName() + ", not t-digest (mean, weight) float pairs");
        }
        int k = Arrays.binarySearch(b.cellIds(), cell % cellsPerChunk);
        if (k < 0) {
            return Optional.empty();
        }
        ByteBuffer payload = b.payload(k);
        float[] digest = new float[payload.remaining() / b.dtype().byteSize()];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = b.dtype() == DType.FLOAT64 ? (float) payload.getDouble() : payload.getFloat();
        }
        return Optional.of(digest);
    }

    /** The estimated {@code q}-quantile of cell {@code cell}'s values ({@link TDigests#quantile}); NaN without a digest. */
    public double quantile(long cell, double q) {
        return digest(cell).map(d -> TDigests.quantile(d, q)).orElse(Double.NaN);
    }

    private Optional<CsrBlock> block(long chunk) {
        if (chunk != cachedChunk) {
            String path = field + "/" + chunk;
            try {
                cached = groups.contains(path) ? Optional.of(store.readCsr(path)) : Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + " of store " + store.location(), e);
            }
            cachedChunk = chunk;
        }
        return cached;
    }

    @Override
    public String toString() {
        return "t-digests " + field + " of " + store.location();
    }
}
