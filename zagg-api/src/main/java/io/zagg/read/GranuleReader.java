package io.zagg.read;

import io.jhdf.HdfFile;
import io.zagg.Granules;
import io.zagg.Layout;
import io.zagg.Layout.Filter;
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
 * <p>A granule is opened, read beam after beam and closed before the next one; chunks are
 * decompressed by up to {@link ReadOptions#parallelism()} threads. Errors never escape: a
 * granule that cannot be opened, or a beam with a missing, misshapen or corrupt dataset, is
 * recorded as a {@link ReadFailure} and the read goes on. A reader is immutable and may be
 * shared by threads reading different shards.
 */
public final class GranuleReader {

    private final Layout layout;
    private final ReadOptions options;
    private final WorkSharing work;
    private final List<Map.Entry<String, RowPredicate>> expressions;
    private final CoarseCache segments;

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
    }

    public Layout layout() {
        return layout;
    }

    /** Reads every beam of one granule for the shard {@code selector} describes. */
    public GranuleRead read(Path granule, ShardSelector selector) {
        if (!Files.isRegularFile(granule)) {
            return failed(granule, Files.exists(granule) ? "is not a regular file" : "file not found");
        }
        HdfFile file;
        try {
            file = new HdfFile(granule);
        } catch (RuntimeException e) {
            return failed(granule, "cannot open as HDF5: " + BeamFailure.describe(e));
        }
        List<BeamRead> beams = new ArrayList<>();
        try (file) {
            // a cut download still opens (the superblock is at the start): catch it before its beams
            long expected = file.getUserBlockSize() + file.getHdfBackingStorage().getSuperblock().getEndOfFileAddress();
            if (file.size() < expected) {
                return failed(granule, "is truncated: it has " + file.size() + " bytes but its HDF5 superblock records " + expected);
            }
            for (String beam : layout.groups()) {
                beams.add(new BeamReader(file, granule, beam, layout, options, work, expressions, selector, segments).read());
            }
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

    private static GranuleRead failed(Path granule, String reason) {
        return new GranuleRead(granule, List.of(), new ReadFailure(granule, null, null, reason));
    }
}
