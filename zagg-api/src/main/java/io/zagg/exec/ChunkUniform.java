package io.zagg.exec;

import io.zagg.spi.Column;
import io.zagg.spi.DType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * zagg's collapse of a {@code resolution: chunk} field to its chunk's one value
 * ({@code _chunk_uniform_value}, {@code _chunk_uniform_ragged}): the field is computed per cell,
 * and its populated cells must agree.
 */
final class ChunkUniform {

    private ChunkUniform() {
    }

    /**
     * The row of a scalar or vector column of {@code cells} rows that holds the chunk's value: the
     * first populated row (for a float dtype a row that is not all NaN; for an integer dtype
     * every row), or row 0 when there is none. Rows are compared value by value, NaN equal to
     * NaN and -0.0 to 0.0, as {@code np.array_equal(equal_nan=True)}.
     *
     * @throws IllegalStateException with zagg's message when populated rows differ
     */
    static int row(String field, Column perCell, int cells) {
        int width = perCell.width();
        boolean floating = perCell.dtype().isFloating();
        int first = -1;
        boolean uniform = true;
        for (int r = 0; r < cells; r++) {
            if (floating && allNaN(perCell, r, width)) {
                continue;
            }
            if (first < 0) {
                first = r;
            } else if (uniform && !sameRow(perCell, first, r, width, floating)) {
                uniform = false;
            }
        }
        if (!uniform) {
            throw new IllegalStateException("resolution: chunk field '" + field + "' is not chunk-uniform: the populated cells carry "
                    + distinctRows(perCell, cells, width, floating) + " distinct values; a chunk-resolution field must reduce to one"
                    + " value per chunk (use resolution: cell for a per-cell field)");
        }
        return Math.max(first, 0);
    }

    /**
     * The payload ({@code 0 .. offsets.length - 2}) that is the chunk's value: the first one, all
     * populated payloads (rows {@code [offsets[k], offsets[k+1])} of {@code values}) being equal
     * as in {@link #row}; -1 when there is none.
     *
     * @throws IllegalStateException with zagg's message when payloads differ
     */
    static int payload(String field, Column values, long[] offsets) {
        int payloads = offsets.length - 1;
        int width = values.width();
        boolean floating = values.dtype().isFloating();
        for (int k = 1; k < payloads; k++) {
            if (!samePayload(values, offsets, 0, k, width, floating)) {
                Set<List<Long>> distinct = new HashSet<>();
                for (int j = 0; j < payloads; j++) {
                    distinct.add(bits(values, offsets[j] * width, offsets[j + 1] * width, floating));
                }
                throw new IllegalStateException("resolution: chunk ragged field '" + field + "' is not chunk-uniform: the populated cells"
                        + " carry " + distinct.size() + " distinct payloads; a chunk-resolution field must reduce to one payload per"
                        + " chunk (use resolution: cell for a per-cell ragged field)");
            }
        }
        return payloads > 0 ? 0 : -1;
    }

    private static boolean allNaN(Column c, int row, int width) {
        for (int k = 0; k < width; k++) {
            if (!Double.isNaN(c.getDouble((long) row * width + k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameRow(Column c, int a, int b, int width, boolean floating) {
        return sameElements(c, (long) a * width, (long) b * width, width, floating);
    }

    private static boolean samePayload(Column c, long[] offsets, int a, int b, int width, boolean floating) {
        long rows = offsets[a + 1] - offsets[a];
        return rows == offsets[b + 1] - offsets[b] && sameElements(c, offsets[a] * width, offsets[b] * width, rows * width, floating);
    }

    private static boolean sameElements(Column c, long a, long b, long n, boolean floating) {
        for (long i = 0; i < n; i++) {
            boolean same;
            if (floating) {
                double x = c.getDouble(a + i);
                double y = c.getDouble(b + i);
                same = x == y || Double.isNaN(x) && Double.isNaN(y);
            } else {
                same = c.getLong(a + i) == c.getLong(b + i);
            }
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /** Distinct populated rows as zagg counts them: NaN as +inf, -0.0 as 0.0. */
    private static int distinctRows(Column c, int cells, int width, boolean floating) {
        Set<List<Long>> distinct = new HashSet<>();
        for (int r = 0; r < cells; r++) {
            if (floating && allNaN(c, r, width)) {
                continue;
            }
            List<Long> key = new ArrayList<>();
            for (int k = 0; k < width; k++) {
                long i = (long) r * width + k;
                if (floating) {
                    double v = c.getDouble(i);
                    key.add(Double.doubleToLongBits(Double.isNaN(v) ? Double.POSITIVE_INFINITY : v == 0 ? 0.0 : v));
                } else {
                    key.add(c.getLong(i));
                }
            }
            distinct.add(key);
        }
        return distinct.size();
    }

    /** The elements' bit patterns in the column's dtype ({@code arr.tobytes()}). */
    private static List<Long> bits(Column c, long from, long to, boolean floating) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < to; i++) {
            if (!floating) {
                out.add(c.getLong(i));
            } else if (c.dtype() == DType.FLOAT32) {
                out.add((long) Float.floatToRawIntBits(c.getFloat(i)));
            } else {
                out.add(Double.doubleToRawLongBits(c.getDouble(i)));
            }
        }
        return out;
    }
}
