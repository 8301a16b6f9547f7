package io.zagg.read;

import io.zagg.Layout.Filter;
import io.zagg.Layout.Op;
import io.zagg.spi.Column;
import io.zagg.spi.DType;
import java.util.List;

/**
 * zagg's structured predicate ({@code _predicate_mask}) over one read dataset, with numpy's
 * comparison rules: a scalar compared with a float32 array is first rounded to float32 (a
 * Python scalar is "weak" under NEP 50), while {@code in}/{@code not_in} compare in float64
 * ({@code np.isin} promotes both sides); integers compare exactly; NaN equals nothing.
 */
final class Predicates {

    private Predicates() {
    }

    /**
     * The keep flag of each row of {@code values} under filter {@code f}.
     *
     * @param path the dataset read, for the failure of a {@code column} that does not fit it
     */
    static boolean[] mask(Column values, Filter f, String path) {
        int width = values.width();
        int rows = (int) values.rows();
        int column;
        if (width > 1) {
            if (f.column().isEmpty()) {
                throw new BeamFailure(path, "filter on '" + f.dataset() + "': N-D array requires an integer 'column'");
            }
            column = f.column().getAsInt() < 0 ? f.column().getAsInt() + width : f.column().getAsInt();
            if (column < 0 || column >= width) {
                throw new BeamFailure(path, "filter on '" + f.dataset() + "': column " + f.column().getAsInt()
                        + " is out of range for rows of " + width + " values");
            }
        } else {
            if (f.column().isPresent()) {
                throw new BeamFailure(path, "filter on '" + f.dataset() + "': 'column' set but array is 1-D");
            }
            column = 0;
        }
        Comparison test = comparison(values.dtype(), f.op(), f.values());
        boolean keep = f.keep();
        boolean[] out = new boolean[rows];
        for (int r = 0; r < rows; r++) {
            out[r] = test.matches(values, (long) r * width + column) == keep;
        }
        return out;
    }

    private interface Comparison {
        boolean matches(Column c, long index);
    }

    private static Comparison comparison(DType dtype, Op op, List<Number> values) {
        if (op.isSetOp()) {
            Comparison member = member(dtype, values);
            return op == Op.IN ? member : (c, i) -> !member.matches(c, i);
        }
        Number v = values.get(0);
        if (dtype == DType.FLOAT32) {
            float f = v.floatValue();
            return (c, i) -> {
                float x = c.getFloat(i);
                return compare(op, sign(x, f), Float.isNaN(x) || Float.isNaN(f));
            };
        }
        if (integral(dtype, v)) {
            long l = v.longValue();
            return (c, i) -> compare(op, Long.compare(c.getLong(i), l), false);
        }
        double d = v.doubleValue();
        return (c, i) -> {
            double x = c.getDouble(i);
            return compare(op, sign(x, d), Double.isNaN(x) || Double.isNaN(d));
        };
    }

    private static Comparison member(DType dtype, List<Number> values) {
        boolean allIntegral = true;
        for (Number v : values) {
            allIntegral &= integral(dtype, v);
        }
        if (allIntegral) {
            long[] set = values.stream().mapToLong(Number::longValue).toArray();
            return (c, i) -> {
                long x = c.getLong(i);
                for (long s : set) {
                    if (x == s) {
                        return true;
                    }
                }
                return false;
            };
        }
        double[] set = values.stream().mapToDouble(Number::doubleValue).toArray();
        return (c, i) -> {
            double x = c.getDouble(i);
            for (double s : set) {
                if (x == s) {
                    return true;
                }
            }
            return false;
        };
    }

    // an integer dataset compared with a whole number: exactly, as numpy compares int64s
    // (uint64 goes through double: its raw bits are not a signed long)
    private static boolean integral(DType dtype, Number v) {
        return !dtype.isFloating() && dtype != DType.UINT64 && (v instanceof Long || v instanceof Integer);
    }

    // not Double.compare: numpy has -0.0 == 0.0
    private static int sign(double x, double y) {
        return x < y ? -1 : x > y ? 1 : 0;
    }

    private static boolean compare(Op op, int cmp, boolean nan) {
        if (nan) {
            return op == Op.NE;
        }
        switch (op) {
            case EQ: return cmp == 0;
            case NE: return cmp != 0;
            case GE: return cmp >= 0;
            case LE: return cmp <= 0;
            case LT: return cmp < 0;
            default: return cmp > 0;
        }
    }
}
