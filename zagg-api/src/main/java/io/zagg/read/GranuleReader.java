package io.zagg.read;

import io.zagg.Granules;
import io.zagg.Layout;
import io.zagg.Layout.Filter;
import io.zagg.spi.DType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads local HDF5 granules (jhdf) for one shard at a time, as a {@link Layout} describes:
 * for each granule, each beam's rows that lie in the shard and pass the filters, in file order.
 *
 * <pre>{@code
 * GranuleReader reader = new GranuleReader(Layouts.atl03(), ReadOptions.builder().parallelism(2, pool).build());
 * for (GranuleRead g : reader.read(Granules.in(dir), (lat, lon, selected) -> ...)) {
 *     g.failures().forEach(f -> log.warn(f.message()));
 *     for (BeamRead b : g.beams()) { ... b.columns().get("h_ph") ... }
 * }
 * }</pre>
 *
 * <p>A granule is opened, read beam after beam and closed before the next one — or, with
 * {@link ReadOptions#openFiles()}, kept open for the next shards until {@link #release} or
 * {@link #releaseAll}; chunks are decompressed by up to {@link ReadOptions#parallelism()}
 * threads. Errors never escape: a granule that cannot be opened, or a beam with a missing,
 * misshapen or corrupt dataset, is recorded as a {@link ReadFailure} and the read goes on. A
 * reader is thread-safe and may be shared by threads reading different shards; its caches
 * (segment tables, inflated chunks, open files) serve them all.
 */
public final class GranuleReader {

    private final Layout layout;
    private final ReadOptions options;
    private final WorkSharing work;
    private final List<Map.Entry<String, RowPredicate>> expressions;
    private final CoarseCache segments;
    private final InflatedChunks chunks;
    private final OpenGranules files;

    /**
     * @throws IllegalArgumentException when the layout has expression filters and the options
     *         no {@link ExpressionCompiler}, or an expression does not compile, or the system
     *         property {@code zagg.inflate} is not {@code auto}, {@code zlib} or {@code libdeflate}
     * @throws IllegalStateException when {@code zagg.inflate=libdeflate} and libdeflate cannot be loaded
     */
    public GranuleReader(Layout layout, ReadOptions options) {
        Inflation.kind(); // decided here, so a bad choice fails the run before any granule is read
        this.layout = layout;
        this.options = options;
        this.work = new WorkSharing(options.executor().orElse(null), options.parallelism());
        List<Map.Entry<String, RowPredicate>> compiled = new ArrayList<>();
        for (Filter f : layout.filters()) {
            if (!f.isExpression()) {
                continue;
            }
            String text = f.expressionText().get();
            ExpressionCompiler compiler = options.expressions().orElseThrow(() -> new IllegalArgumentException("expression filter '" + text
                    + "' needs an expression compiler: set ReadOptions.Builder.expressions(...)"));
            compiled.add(new AbstractMap.SimpleImmutableEntry<>(text, compiler.compile(text)));
        }
        this.expressions = List.copyOf(compiled);
        this.segments = new CoarseCache(options.segmentCacheBytes());
        this.chunks = options.chunkCacheBytes() > 0 ? new InflatedChunks(options.chunkCacheBytes(), options.chunksPerDataset()) : null;
        this.files = new OpenGranules(options.openFiles());
    }

    public Layout layout() {
        return layout;
    }

    /**
     * Reads every beam of one granule for the shard {@code selector} describes.
     *
     * @throws IllegalArgumentException when {@code selector} is a {@link KeyingSelector} whose key
     *         type is neither int32 nor int64
     */
    public GranuleRead read(Path granule, ShardSelector selector) {
        if (selector instanceof KeyingSelector k && k.keyType() != DType.INT32 && k.keyType() != DType.INT64) {
            throw new IllegalArgumentException("a shard test's key type must be int32 or int64, not " + k.keyType());
        }
        // a granule the pool holds open was a regular file when opened: no stat for each shard reading it again
        if (!files.isOpen(granule) && !Files.isRegularFile(granule)) {
            return failed(granule, Files.exists(granule) ? "is not a regular file" : "file not found");
        }
        List<BeamRead> beams = new ArrayList<>();
        try (OpenGranules.Lease lease = files.acquire(granule)) {
            for (String beam : layout.groups()) {
                beams.add(new BeamReader(lease.file(), granule, beam, layout, options, work, expressions, selector, segments, chunks).read());
            }
        } catch (OpenGranules.Unreadable e) {
            return failed(granule, e.getMessage());
        }
        return new GranuleRead(granule, beams, null);
    }

    /** Reads the granules in order, each released before the next is opened. */
    public List<GranuleRead> read(Granules granules, ShardSelector selector) {
        List<GranuleRead> out = new ArrayList<>(granules.size());
        for (Path g : granules) {
            out.add(read(g, selector));
        }
        return out;
    }

    /**
     * Done with {@code granule} for this run: closes its file (once no read is using it) and
     * forgets its segment tables and inflated chunks. A later read opens and decodes it again.
     */
    public void release(Path granule) {
        files.release(granule);
        segments.release(granule);
        if (chunks != null) {
            chunks.release(granule);
        }
    }

    /** Closes every file kept open (once no read is using it) and forgets the inflated chunks; segment tables stay. */
    public void releaseAll() {
        files.releaseAll();
        if (chunks != null) {
            chunks.clear();
        }
    }

    /** The inflated-chunk cache, or null without one. */
    InflatedChunks inflatedChunks() {
        return chunks;
    }

    OpenGranules openGranules() {
        return files;
    }

    CoarseCache segmentTables() {
        return segments;
    }

    private static GranuleRead failed(Path granule, String reason) {
        return new GranuleRead(granule, List.of(), new ReadFailure(granule, null, null, reason));
    }
}
