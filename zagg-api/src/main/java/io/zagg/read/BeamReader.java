package io.zagg.read;

import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfInvalidPathException;
import io.zagg.Layout;
import io.zagg.Layout.Filter;
import io.zagg.Layout.Level;
import io.zagg.Layout.Link;
import io.zagg.Layout.ReadPlan;
import io.zagg.spi.Column;
import io.zagg.spi.Columns;
import io.zagg.spi.DType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads one beam of one open granule for one shard, as zagg's {@code _read_group} does:
 * <ol>
 * <li>which base rows to decode: all of them, or the read plan's segment runs;</li>
 * <li>the shard test on their coordinates (invalid coordinates counted, never selected), then
 * only the span from the first to the last selected row is decoded further;</li>
 * <li>coarse-level filters expanded to base rows, base-level filters, and optionally the
 * {@code _FillValue} rule, ANDed;</li>
 * <li>the variables and broadcast segment variables of the kept rows, then the expression
 * filters over them.</li>
 * </ol>
 * Every dataset problem becomes a {@link BeamFailure} naming the dataset.
 */
final class BeamReader {

    private final HdfFile file;
    private final Path granule;
    private final String beam;
    private final Layout layout;
    private final ReadOptions options;
    private final WorkSharing work;
    private final List<Map.Entry<String, RowPredicate>> expressions;
    private final ShardSelector selector;
    private final CoarseCache segments;
    private final InflatedChunks chunks;
    private final Map<String, SegmentLink> links = new HashMap<>();

    BeamReader(HdfFile file, Path granule, String beam, Layout layout, ReadOptions options, WorkSharing work,
            List<Map.Entry<String, RowPredicate>> expressions, ShardSelector selector, CoarseCache segments,
            InflatedChunks chunks) {
        this.file = file;
        this.granule = granule;
        this.beam = beam;
        this.layout = layout;
        this.options = options;
        this.work = work;
        this.expressions = expressions;
        this.selector = selector;
        this.segments = segments;
        this.chunks = chunks;
    }

    BeamRead read() {
        try {
            return isPresent() ? readPresent() : BeamRead.absent(beam);
        } catch (BeamFailure f) {
            return BeamRead.failed(beam, new ReadFailure(granule, beam, f.dataset(), f.getMessage()));
        } catch (RuntimeException e) {
            return BeamRead.failed(beam, new ReadFailure(granule, beam, null, BeamFailure.describe(e)));
        }
    }

    // The beam is the path prefix of the latitude template up to its {group} component; a
    // granule without it simply lacks the beam (a one-beam subset), which is not an error.
    private boolean isPresent() {
        String template = layout.latitude();
        int at = template.indexOf("{group}");
        if (at < 0) {
            return true;
        }
        int end = template.indexOf('/', at);
        String root = Layout.expand(end < 0 ? template : template.substring(0, end), beam);
        try {
            file.getByPath(root);
            return true;
        } catch (HdfInvalidPathException e) {
            return false;
        } catch (RuntimeException e) {
            throw new BeamFailure(root, "cannot open: " + BeamFailure.describe(e), e);
        }
    }

    private String path(String template) {
        return Layout.expand(template, beam);
    }

    private BeamRead readPresent() {
        H5Array lat = H5Array.open(file, path(layout.latitude())).requireRank(1, "a coordinate");
        H5Array lon = H5Array.open(file, path(layout.longitude())).requireRank(1, "a coordinate").requireRows(lat.rows(), lat.path());
        BeamRead.Access access = BeamRead.Access.FULL;
        RowRanges ranges = lat.rows() == 0 ? null : RowRanges.of(0, lat.rows());
        Optional<ReadPlan> plan = options.exactRead() ? Optional.empty() : layout.readPlan();
        if (plan.isPresent()) {
            SegmentPlan p = plan(plan.get(), lat);
            if (p.isEmpty()) {
                return BeamRead.empty(beam, BeamRead.Access.PLANNED, 0, 0);
            }
            access = p.isFullRead() ? BeamRead.Access.PLAN_FELL_BACK_TO_FULL : BeamRead.Access.PLANNED;
            ranges = p.isFullRead() ? ranges : p.slices();
        }
        if (ranges == null) {
            return BeamRead.empty(beam, access, 0, 0);
        }
        Map<H5Array, Object> coords = readRows(List.of(lat, lon), ranges);
        double[] latitudes = doubles(lat, coords.get(lat));
        double[] longitudes = doubles(lon, coords.get(lon));
        long rowsRead = ranges.total();
        Selection sel = Selection.of(selector, latitudes, longitudes);
        if (sel.count() == 0) {
            return BeamRead.empty(beam, access, sel.invalid(), rowsRead);
        }
        // decode nothing beyond the first and last point in the shard
        int first = 0;
        while (!sel.mask()[first]) {
            first++;
        }
        int last = sel.mask().length - 1;
        while (!sel.mask()[last]) {
            last--;
        }
        boolean[] keep = sel.mask();
        if (first > 0 || last < keep.length - 1) {
            ranges = ranges.narrow(first, last);
            keep = Arrays.copyOfRange(keep, first, last + 1);
            latitudes = Arrays.copyOfRange(latitudes, first, last + 1);
            longitudes = Arrays.copyOfRange(longitudes, first, last + 1);
        }
        Column keys = sel.keys() == null ? null : keys(sel.keys(), first, last + 1);

        int kept = applyFilters(keep, sel.count(), ranges, lat);
        if (kept == 0) {
            return BeamRead.empty(beam, access, sel.invalid(), rowsRead);
        }
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        readVariables(ranges, lat, columns, sources);
        if (options.dropFillValues()) {
            kept = dropFillValues(keep, kept, columns, sources);
            if (kept == 0) {
                return BeamRead.empty(beam, access, sel.invalid(), rowsRead);
            }
        }
        columns.put(Layout.LATITUDE, Columns.wrap(latitudes, DType.FLOAT64, 1));
        columns.put(Layout.LONGITUDE, Columns.wrap(longitudes, DType.FLOAT64, 1));
        sources.put(Layout.LATITUDE, lat.path());
        sources.put(Layout.LONGITUDE, lon.path());
        KeptRows rows = new KeptRows(columns, keys, keep.length);
        rows.keep(keep, kept);
        applyExpressions(rows);
        if (rows.count == 0) {
            return BeamRead.empty(beam, access, sel.invalid(), rowsRead);
        }
        return BeamRead.read(beam, access, rows.columns, sources, rows.keys, rows.count, sel.invalid(), rowsRead);
    }

    /** The selector's keys of rows {@code [from, to)} of the read, narrowed to its key type. */
    private Column keys(long[] keys, int from, int to) {
        DType type = ((KeyingSelector) selector).keyType();
        if (type == DType.INT64) {
            return Columns.wrap(Arrays.copyOfRange(keys, from, to), type, 1);
        }
        int[] narrow = new int[to - from];
        for (int i = 0; i < narrow.length; i++) {
            narrow[i] = (int) keys[from + i];
        }
        return Columns.wrap(narrow, type, 1);
    }

    private SegmentPlan plan(ReadPlan plan, H5Array base) {
        Level level = layout.levels().get(plan.spatialIndex());
        SegmentLink link = link(level, base);
        String begPath = path(level.link().get().indexBeg());
        H5Array segLat = H5Array.open(file, path(level.latitude().get())).requireRank(1, "a coordinate").requireRows(link.segments(), begPath);
        H5Array segLon = H5Array.open(file, path(level.longitude().get())).requireRank(1, "a coordinate").requireRows(link.segments(), begPath);
        Map<H5Array, Object> coords = readAll(List.of(segLat, segLon));
        int[] matched = selector.matchRepeated(doubles(segLat, coords.get(segLat)), doubles(segLon, coords.get(segLon)));
        try {
            return SegmentPlan.plan(matched, link, plan.pad(), plan.fullReadThreshold());
        } catch (IllegalArgumentException e) {
            throw new BeamFailure(begPath, e.getMessage(), e);
        }
    }

    /** The link of a coarse level: checked once per run (kept with the segment tables), then once per beam read. */
    private SegmentLink link(Level level, H5Array base) {
        SegmentLink known = links.get(level.name());
        if (known != null) {
            return known;
        }
        Link link = level.link().get();
        String begPath = path(link.indexBeg());
        SegmentLink read = segments.link(granule, begPath);
        if (read == null) {
            H5Array beg = H5Array.open(file, begPath).requireRank(1, "a link index").requireInteger("link indices");
            H5Array count = H5Array.open(file, path(link.count())).requireRank(1, "a link count").requireInteger("link counts")
                    .requireRows(beg.rows(), beg.path());
            Map<H5Array, Object> arrays = decode(List.of(beg, count));
            read = new SegmentLink(beg.path(), longs(beg, arrays.get(beg)), count.path(), longs(count, arrays.get(count)),
                    link.indexBase(), base.rows(), base.path());
            segments.putLink(granule, begPath, read);
        }
        links.put(level.name(), read);
        return read;
    }

    /** Coarse filters, then base filters, ANDed into {@code keep}; returns the rows left. */
    private int applyFilters(boolean[] keep, int kept, RowRanges ranges, H5Array base) {
        for (Filter f : layout.filters()) {
            if (f.isExpression() || layout.isBaseRate(f)) {
                continue;
            }
            Level level = layout.levels().get(f.level().get());
            SegmentLink link = link(level, base);
            H5Array flags = H5Array.open(file, path(f.dataset())).requireRank(2, "a filter dataset")
                    .requireRows(link.segments(), path(level.link().get().indexBeg()));
            Object values = readAll(List.of(flags)).get(flags);
            kept = Rows.and(keep, link.expand(Predicates.mask(flags.column(values), f, flags.path()), ranges));
            if (kept == 0) {
                return 0;
            }
        }
        Map<String, H5Array> datasets = new LinkedHashMap<>();
        for (Filter f : layout.filters()) {
            if (!f.isExpression() && layout.isBaseRate(f)) {
                datasets.computeIfAbsent(path(f.dataset()),
                        p -> H5Array.open(file, p).requireRank(2, "a filter dataset").requireRows(base.rows(), base.path()));
            }
        }
        Map<H5Array, Object> values = readRows(new ArrayList<>(datasets.values()), ranges);
        for (Filter f : layout.filters()) {
            if (!f.isExpression() && layout.isBaseRate(f)) {
                H5Array flags = datasets.get(path(f.dataset()));
                kept = Rows.and(keep, Predicates.mask(flags.column(values.get(flags)), f, flags.path()));
                if (kept == 0) {
                    return 0;
                }
            }
        }
        return kept;
    }

    /** The variables over {@code ranges}, then the broadcast segment variables. */
    private void readVariables(RowRanges ranges, H5Array base, Map<String, Column> columns, Map<String, String> sources) {
        Map<String, H5Array> datasets = new LinkedHashMap<>();
        for (String template : layout.variables().values()) {
            datasets.computeIfAbsent(path(template),
                    p -> H5Array.open(file, p).requireRank(2, "a variable").requireRows(base.rows(), base.path()));
        }
        Map<H5Array, Object> values = readRows(new ArrayList<>(datasets.values()), ranges);
        layout.variables().forEach((name, template) -> {
            H5Array a = datasets.get(path(template));
            columns.put(name, a.column(values.get(a)));
            sources.put(name, a.path());
        });
        for (Level level : layout.levels().values()) {
            if (level.variables().isEmpty()) {
                continue;
            }
            SegmentLink link = link(level, base);
            String begPath = path(level.link().get().indexBeg());
            level.variables().forEach((name, template) -> {
                H5Array a = H5Array.open(file, path(template)).requireRank(1, "a segment variable").requireRows(link.segments(), begPath);
                columns.put(name, link.broadcast(a.column(readAll(List.of(a)).get(a)), ranges));
                sources.put(name, a.path());
            });
        }
    }

    private int dropFillValues(boolean[] keep, int kept, Map<String, Column> columns, Map<String, String> sources) {
        for (Map.Entry<String, Column> e : columns.entrySet()) {
            String path = sources.get(e.getKey());
            Optional<Number> fill = H5Array.open(file, path).fillValue();
            if (fill.isPresent()) {
                kept = Rows.and(keep, FillValues.notFill(e.getValue(), fill.get()));
            }
        }
        return kept;
    }

    private void applyExpressions(KeptRows rows) {
        for (Map.Entry<String, RowPredicate> e : expressions) {
            Map<String, Column> namespace = new LinkedHashMap<>(rows.columns);
            namespace.remove(Layout.LATITUDE);
            namespace.remove(Layout.LONGITUDE);
            boolean[] keep = e.getValue().test(Map.copyOf(namespace), rows.count);
            if (keep == null || keep.length != rows.count) {
                throw new BeamFailure(null, "expression filter '" + e.getKey() + "' must yield a per-row boolean mask (got "
                        + (keep == null ? "none" : keep.length + " flags") + " for " + rows.count + " rows)");
            }
            rows.keep(keep, Rows.count(keep));
            if (rows.count == 0) {
                return;
            }
        }
    }

    /** The rows kept so far: the named columns and, when the selector keys them, their keys, compacted together. */
    private static final class KeptRows {
        private Map<String, Column> columns;
        private Column keys;
        private int count;

        KeptRows(Map<String, Column> columns, Column keys, int count) {
            this.columns = columns;
            this.keys = keys;
            this.count = count;
        }

        /** Keeps the rows {@code keep} flags ({@code kept} of them). */
        void keep(boolean[] keep, int kept) {
            if (kept < count) {
                Map<String, Column> out = new LinkedHashMap<>();
                columns.forEach((name, c) -> out.put(name, compact(c, keep, kept)));
                columns = out;
                keys = keys == null ? null : compact(keys, keep, kept);
            }
            count = kept;
        }

        private static Column compact(Column c, boolean[] keep, int kept) {
            return Columns.wrap(Rows.compact(Columns.arrayOf(c), c.width(), keep, kept), c.dtype(), c.width());
        }
    }

    /**
     * Decodes {@code ranges} of each base-rate dataset, all chunks of all datasets as one batch
     * of tasks, through the reader's inflated-chunk cache when it has one.
     */
    private Map<H5Array, Object> readRows(List<H5Array> arrays, RowRanges ranges) {
        return decode(arrays, a -> ranges, chunks);
    }

    /** Whole segment-rate datasets: from the cache when an earlier shard read them, else decoded and cached. */
    private Map<H5Array, Object> readAll(List<H5Array> arrays) {
        Map<H5Array, Object> out = new LinkedHashMap<>();
        List<H5Array> missing = new ArrayList<>();
        for (H5Array a : arrays) {
            Object cached = segments.get(granule, a.path());
            if (cached != null) {
                out.put(a, cached);
            } else {
                missing.add(a);
            }
        }
        Map<H5Array, Object> decoded = decode(missing);
        decoded.forEach((a, values) -> segments.put(granule, a.path(), values));
        out.putAll(decoded);
        return out;
    }

    /** Whole datasets, decoded now (segment tables: kept whole by the caller, so not through the chunk cache). */
    private Map<H5Array, Object> decode(List<H5Array> arrays) {
        return decode(arrays, a -> a.rows() == 0 ? null : RowRanges.of(0, a.rows()), null);
    }

    /** The rows {@code rowsOf} each dataset (null: none), decoded as one batch of tasks; {@code cache} may be null. */
    private Map<H5Array, Object> decode(List<H5Array> arrays, Function<H5Array, RowRanges> rowsOf, InflatedChunks cache) {
        Map<H5Array, Object> out = new LinkedHashMap<>();
        List<Runnable> tasks = new ArrayList<>();
        for (H5Array a : arrays) {
            RowRanges rows = rowsOf.apply(a);
            Object dest = a.newArray(rows == null ? 0 : rows.total());
            if (rows != null) {
                a.addReads(rows, dest, tasks, cache == null ? null : cache.dataset(granule, a.path()));
            }
            out.put(a, dest);
        }
        work.run(tasks);
        return out;
    }

    private static double[] doubles(H5Array a, Object values) {
        if (values instanceof double[]) {
            return (double[]) values;
        }
        Column c = a.column(values);
        double[] out = new double[(int) c.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.getDouble(i);
        }
        return out;
    }

    private static long[] longs(H5Array a, Object values) {
        if (values instanceof long[] && a.dtype() == DType.INT64) {
            return (long[]) values;
        }
        Column c = a.column(values);
        long[] out = new long[(int) c.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.getLong(i);
        }
        return out;
    }

}
