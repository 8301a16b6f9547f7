package io.zagg.config;

import io.zagg.spi.Column;
import io.zagg.spi.DType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The allow-list of callables: numpy functions (written {@code np.name} or {@code numpy.name}),
 * the Python builtins zagg's expression namespace provides, and the {@code astype} method. Each
 * one reproduces numpy's result type and numerics.
 */
final class Functions {

    /** A callable's implementation: arguments in {@link Signature#names()} order, null when omitted. */
    interface Impl {
        Val apply(Val[] args, NumpyFunctions numpy);
    }

    record Function(String name, Signature signature, Impl impl) {
    }

    static final Map<String, Function> NUMPY;
    static final Map<String, Function> BUILTINS;
    /** The one supported method, {@code x.astype(dtype)}. */
    static final Signature ASTYPE = Signature.of(1, "dtype");

    /** numpy dtype objects usable as {@code np.float32} (and callable as casts). */
    static final Map<String, NumType> DTYPES;

    /** numpy's Python-float constants. */
    static final Map<String, Double> CONSTANTS = Map.of("pi", Math.PI, "e", Math.E, "nan", Double.NaN,
            "inf", Double.POSITIVE_INFINITY);

    private static final double LN2 = Math.log(2.0);

    static {
        Map<String, NumType> dtypes = new LinkedHashMap<>();
        for (NumType t : NumType.values()) {
            if (t != NumType.BOOL) {
                dtypes.put(t.numpyName(), t);
            }
        }
        DTYPES = Collections.unmodifiableMap(dtypes);

        Map<String, Function> np = new TreeMap<>();
        Signature one = Signature.of(1, "x");
        Signature array = Signature.of(1, "a");
        put(np, "sqrt", one, (a, n) -> floatUfunc("np.sqrt", a[0], Math::sqrt));
        put(np, "log2", one, (a, n) -> floatUfunc("np.log2", a[0], Functions::log2));
        put(np, "floor", one, (a, n) -> rounding(a[0], true));
        put(np, "ceil", one, (a, n) -> rounding(a[0], false));
        put(np, "abs", one, (a, n) -> absolute("np.abs", a[0]));
        put(np, "absolute", one, (a, n) -> absolute("np.absolute", a[0]));
        put(np, "isnan", one, (a, n) -> classify("np.isnan", a[0], true));
        put(np, "isfinite", one, (a, n) -> classify("np.isfinite", a[0], false));
        Signature two = Signature.of(2, "x1", "x2");
        put(np, "maximum", two, (a, n) -> Arith.extremum(true, numeric("np.maximum", a[0]), numeric("np.maximum", a[1])));
        put(np, "minimum", two, (a, n) -> Arith.extremum(false, numeric("np.minimum", a[0]), numeric("np.minimum", a[1])));
        for (Map.Entry<String, NumType> d : dtypes.entrySet()) {
            String name = "np." + d.getKey();
            put(np, d.getKey(), one, (a, n) -> Arith.cast(numeric(name, a[0]), d.getValue()));
        }
        put(np, "sum", array, (a, n) -> sum(asArray("np.sum", a[0]), n));
        put(np, "min", array, (a, n) -> extreme(asArray("np.min", a[0]), false, n));
        put(np, "amin", array, (a, n) -> extreme(asArray("np.amin", a[0]), false, n));
        put(np, "max", array, (a, n) -> extreme(asArray("np.max", a[0]), true, n));
        put(np, "amax", array, (a, n) -> extreme(asArray("np.amax", a[0]), true, n));
        put(np, "mean", array, reduction("np.mean", NumpyFunctions::mean));
        put(np, "median", array, reduction("np.median", NumpyFunctions::median));
        Signature withDdof = array.withKeywordOnly("ddof");
        put(np, "var", withDdof, (a, n) -> variance("np.var", a, n, false));
        put(np, "std", withDdof, (a, n) -> variance("np.std", a, n, true));
        put(np, "quantile", Signature.of(2, "a", "q"), Functions::quantile);
        put(np, "average", array.withKeywordOnly("weights"), Functions::average);
        put(np, "histogram", Signature.of(1, "a", "bins", "range"), Functions::histogram);
        NUMPY = Collections.unmodifiableMap(np);

        Map<String, Function> builtins = new TreeMap<>();
        put(builtins, "len", one, (a, n) -> length(a[0]));
        put(builtins, "float", one, (a, n) -> Scalar.pyFloat(scalar("float", a[0]).toDouble()));
        put(builtins, "int", one, (a, n) -> toPythonInt(scalar("int", a[0])));
        put(builtins, "abs", one, (a, n) -> Arith.isWeak(numeric("abs", a[0]))
                ? pythonAbs((Scalar) a[0]) : absolute("abs", a[0]));
        put(builtins, "sum", one, (a, n) -> sequentialSum(a[0]));
        BUILTINS = Collections.unmodifiableMap(builtins);
    }

    private Functions() {
    }

    /** A kernel of {@link NumpyFunctions} over a float column run. */
    private interface Kernel {
        double apply(NumpyFunctions numpy, Column x, long start, long end);
    }

    /** A reduction computed in float64 for integers (as numpy does) and in the dtype for floats. */
    private static Impl reduction(String function, Kernel kernel) {
        return (a, n) -> {
            Arr x = floats(asArray(function, a[0]));
            Arr.Run r = x.run();
            return Scalar.ofFloat(x.type(), kernel.apply(n, r.column(), r.start(), r.end()));
        };
    }

    private static void put(Map<String, Function> table, String name, Signature sig, Impl impl) {
        table.put(name, new Function(name, sig, impl));
    }

    /** The supported numpy functions, as a message lists them. */
    static String numpyNames() {
        List<String> names = new ArrayList<>();
        NUMPY.keySet().forEach(n -> names.add("np." + n));
        return String.join(", ", names);
    }

    // ---- argument coercion ----------------------------------------------------------------

    static Numeric numeric(String function, Val v) {
        if (v instanceof Numeric) {
            return (Numeric) v;
        }
        throw new EvaluationException(function + "() needs a number or an array, not a " + Val.describe(v));
    }

    private static Scalar scalar(String function, Val v) {
        if (v instanceof Scalar) {
            return (Scalar) v;
        }
        if (v instanceof Arr) {
            throw new EvaluationException(function + "() needs a scalar: only 0-dimensional arrays can be converted to Python scalars"
                    + " (got shape (" + ((Arr) v).size() + ",))");
        }
        throw new EvaluationException(function + "() needs a number, not a " + Val.describe(v));
    }

    /** An integer argument such as {@code bins} or {@code ddof}: a Python int or a numpy integer. */
    private static long integer(String what, Val v) {
        if (v instanceof Scalar && !((Scalar) v).type().isFloat() && ((Scalar) v).type() != NumType.BOOL) {
            return ((Scalar) v).l();
        }
        throw new EvaluationException(what + " must be an integer, not a " + Val.describe(v));
    }

    /** numpy's reductions see a scalar as a one-element array (a Python number as int64/float64). */
    private static Arr asArray(String function, Val v) {
        Numeric x = numeric(function, v);
        if (x instanceof Arr) {
            return (Arr) x;
        }
        Scalar s = (Scalar) x;
        switch (s.type()) {
            case FLOAT32: return Arr.of(new float[] {(float) s.d()});
            case FLOAT64: return Arr.of(new double[] {s.d()});
            case BOOL: return Arr.of(new boolean[] {s.l() != 0});
            default: return Arr.of(s.type(), new long[] {s.l()});
        }
    }

    /** numpy computes mean, median, var, quantile and average of integers in float64. */
    private static Arr floats(Arr x) {
        return x.type().isFloat() ? x : (Arr) Arith.cast(x, NumType.FLOAT64);
    }

    // ---- element-wise ---------------------------------------------------------------------

    private static Numeric floatUfunc(String function, Val v, Arith.DoubleFn f) {
        Numeric x = strong(numeric(function, v));
        NumType t = x.type();
        NumType out = t.isFloat() ? t : t.bytes() == 2 ? NumType.FLOAT32 : t.bytes() >= 4 ? NumType.FLOAT64 : null;
        if (out == null) {
            throw new EvaluationException(function + " of " + t.numpyName() + " values gives float16, which is not supported;"
                    + " cast first, e.g. " + function + "(np.float32(x))");
        }
        Arr r = Arith.map(x, out, f, i -> {
            throw new IllegalStateException("float ufunc on integers");
        });
        return x instanceof Scalar ? r.get(0) : r;
    }

    private static Numeric strong(Numeric x) {
        return Arith.isWeak(x) ? ((Scalar) x).strong() : x;
    }

    /** {@code np.floor}/{@code np.ceil}: integers and bools keep their type (numpy 2). */
    private static Numeric rounding(Val v, boolean floor) {
        Numeric x = strong(numeric(floor ? "np.floor" : "np.ceil", v));
        Arr r = Arith.map(x, x.type(), d -> floor ? Math.floor(d) : Math.ceil(d), i -> i);
        return x instanceof Scalar ? r.get(0) : r;
    }

    private static Numeric absolute(String function, Val v) {
        Numeric x = strong(numeric(function, v));
        NumType t = x.type();
        Arr r = Arith.map(x, t, Math::abs, i -> t.isUnsigned() || t.isBool() ? i : Math.abs(i));
        return x instanceof Scalar ? r.get(0) : r;
    }

    private static Numeric classify(String function, Val v, boolean nan) {
        Numeric x = numeric(function, v);
        boolean[] r = new boolean[x.size()];
        for (int i = 0; i < r.length; i++) {
            double d = x.f64(i);
            r[i] = nan ? Double.isNaN(d) : Double.isFinite(d);
        }
        return x instanceof Scalar ? Scalar.ofBool(r[0]) : Arr.of(r);
    }

    /** log2 exact at powers of two (where {@code ceil} of it matters most), else within an ulp of double. */
    static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY) {
            int e = Math.getExponent(x);
            if (e >= Double.MIN_EXPONENT && x == Math.scalb(1.0, e)) {
                return e;
            }
            if (e < Double.MIN_EXPONENT) {
                return log2(x * 0x1p64) - 64;
            }
        }
        return Math.log(x) / LN2;
    }

    // ---- reductions -----------------------------------------------------------------------

    private static Scalar sum(Arr x, NumpyFunctions numpy) {
        NumType t = x.type();
        if (t.isFloat()) {
            Arr.Run r = x.run();
            return Scalar.ofFloat(t, numpy.sum(r.column(), r.start(), r.end()));
        }
        long s = 0;
        for (int i = 0; i < x.size(); i++) {
            s += x.i64(i);
        }
        // numpy sums signed integers and bools in int64, unsigned ones in uint64
        return Scalar.ofInt(t.isUnsigned() ? NumType.UINT64 : NumType.INT64, s);
    }

    /** {@code np.min}/{@code np.max}: NaN propagates; integers compare as their type (uint64 unsigned). */
    private static Scalar extreme(Arr x, boolean max, NumpyFunctions numpy) {
        int n = x.size();
        if (n == 0) {
            throw new EvaluationException("zero-size array to reduction operation " + (max ? "maximum" : "minimum")
                    + " which has no identity");
        }
        NumType t = x.type();
        if (t.isFloat()) {
            Arr.Run r = x.run();
            return Scalar.ofFloat(t, max ? numpy.max(r.column(), r.start(), r.end()) : numpy.min(r.column(), r.start(), r.end()));
        }
        long r = x.i64(0);
        for (int i = 1; i < n; i++) {
            long v = x.i64(i);
            int c = t == NumType.UINT64 ? Long.compareUnsigned(r, v) : Long.compare(r, v);
            r = (max ? c > 0 : c < 0) ? r : v;
        }
        return t == NumType.BOOL ? Scalar.ofBool(r != 0) : Scalar.ofInt(t, r);
    }

    private static Scalar variance(String function, Val[] a, NumpyFunctions numpy, boolean std) {
        Arr x = floats(asArray(function, a[0]));
        long ddof = a[1] == null ? 0 : integer(function + "() ddof", a[1]);
        Arr.Run r = x.run();
        double v = std ? numpy.std(r.column(), r.start(), r.end(), ddof) : numpy.var(r.column(), r.start(), r.end(), ddof);
        return Scalar.ofFloat(x.type(), v);
    }

    private static Val quantile(Val[] a, NumpyFunctions numpy) {
        Arr x = floats(asArray("np.quantile", a[0]));
        if (!(a[1] instanceof Scalar) || !((Scalar) a[1]).weak()) {
            throw new EvaluationException("np.quantile() takes q as a Python number (such as 0.25), not a " + Val.describe(a[1]));
        }
        Scalar q = (Scalar) a[1];
        double qv = q.toDouble();
        if (!(qv >= 0 && qv <= 1)) {
            throw new EvaluationException("Quantiles must be in the range [0, 1]");
        }
        if (!q.type().isFloat()) {
            // an integer q (0 or 1) makes numpy take the element without interpolating
            return extreme(x, qv == 1, numpy);
        }
        Arr.Run r = x.run();
        return Scalar.ofFloat(x.type(), numpy.quantile(r.column(), r.start(), r.end(), qv));
    }

    private static Val average(Val[] a, NumpyFunctions numpy) {
        Arr x = asArray("np.average", a[0]);
        if (a[1] == null) {
            Arr f = floats(x);
            Arr.Run r = f.run();
            return Scalar.ofFloat(f.type(), numpy.mean(r.column(), r.start(), r.end()));
        }
        Arr w = asArray("np.average", a[1]);
        if (w.size() != x.size()) {
            throw new EvaluationException("np.average(): weights of shape (" + w.size() + ",) do not match the data's shape ("
                    + x.size() + ",)");
        }
        NumType t = Arith.promote(x.type(), w.type());
        if (!x.type().isFloat()) {
            t = Arith.promote(t, NumType.FLOAT64);
        }
        Arr.Run xr = ((Arr) Arith.cast(x, t)).run();
        Arr.Run wr = ((Arr) Arith.cast(w, t)).run();
        return Scalar.ofFloat(t, numpy.average(xr.column(), xr.start(), wr.column(), wr.start(), x.size()));
    }

    private static Val histogram(Val[] a, NumpyFunctions numpy) {
        Arr data = asArray("np.histogram", a[0]);
        long bins = a[1] == null ? 10 : integer("`bins`", a[1]);
        if (bins < 1) {
            throw new EvaluationException("`bins` must be positive, when an integer");
        }
        if (bins > Integer.MAX_VALUE - 1) {
            throw new EvaluationException("`bins` " + bins + " is too large");
        }
        Numeric lo;
        Numeric hi;
        if (a[2] != null) {
            if (!(a[2] instanceof Val.Tuple) || ((Val.Tuple) a[2]).items().size() != 2) {
                throw new EvaluationException("np.histogram() range must be a tuple (lo, hi), not a " + Val.describe(a[2]));
            }
            lo = rangeEnd(((Val.Tuple) a[2]).items().get(0));
            hi = rangeEnd(((Val.Tuple) a[2]).items().get(1));
        } else if (data.size() == 0) {
            lo = Scalar.pyInt(0);
            hi = Scalar.pyInt(1);
        } else {
            lo = extreme(data, false, numpy);
            hi = extreme(data, true, numpy);
            if (!Double.isFinite(lo.f64(0)) || !Double.isFinite(hi.f64(0))) {
                throw new EvaluationException("autodetected range of [" + PyRepr.number(lo.f64(0), lo.type() == NumType.FLOAT32) + ", "
                        + PyRepr.number(hi.f64(0), hi.type() == NumType.FLOAT32) + "] is not finite");
            }
        }
        // numpy: edges in result_type(lo, hi, data) (float64 if that is an integer type);
        // outer edges, linspace and bin width in result_type(lo, hi), made inexact
        NumType edge = Arith.resultType(lo, hi, data);
        if (!edge.isFloat()) {
            edge = NumType.FLOAT64;
        }
        NumType range = Arith.resultType(lo, hi);
        if (range != NumType.FLOAT32) {
            range = NumType.FLOAT64;
        }
        DType rangeType = range.dtype();
        double loValue = range == NumType.FLOAT32 ? lo.f32(0) : lo.f64(0);
        double hiValue = range == NumType.FLOAT32 ? hi.f32(0) : hi.f64(0);
        if (loValue > hiValue) {
            throw new EvaluationException("max must be larger than min in range parameter.");
        }
        if (!Double.isFinite(loValue) || !Double.isFinite(hiValue)) {
            throw new EvaluationException("supplied range of [" + PyRepr.number(loValue, range == NumType.FLOAT32) + ", "
                    + PyRepr.number(hiValue, range == NumType.FLOAT32) + "] is not finite");
        }
        Arr.Run r = ((Arr) Arith.cast(data, data.type().isFloat() ? data.type() : edge)).run();
        NumpyFunctions.Histogram h = numpy.histogram(r.column(), r.start(), r.end(), (int) bins, loValue, hiValue,
                rangeType, edge.dtype());
        double[] e = h.edges();
        Arr edges;
        if (edge == NumType.FLOAT32) {
            float[] f = new float[e.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = (float) e[i];
            }
            edges = Arr.of(f);
        } else {
            edges = Arr.of(e);
        }
        return new Val.Tuple(List.of(Arr.of(NumType.INT64, h.counts()), edges));
    }

    private static Numeric rangeEnd(Val v) {
        if (v instanceof Scalar) {
            return (Scalar) v;
        }
        throw new EvaluationException("np.histogram() range values must be scalars, not a " + Val.describe(v));
    }

    // ---- builtins -------------------------------------------------------------------------

    private static Scalar length(Val v) {
        if (v instanceof Arr) {
            return Scalar.pyInt(((Arr) v).size());
        }
        if (v instanceof Val.Tuple) {
            return Scalar.pyInt(((Val.Tuple) v).items().size());
        }
        throw new EvaluationException("len() of unsized object (a " + Val.describe(v) + ")");
    }

    private static Scalar toPythonInt(Scalar s) {
        if (!s.type().isFloat()) {
            if (s.type() == NumType.UINT64 && s.l() < 0) {
                throw new EvaluationException("int() of " + Long.toUnsignedString(s.l()) + " does not fit in 64 bits");
            }
            return Scalar.pyInt(s.l());
        }
        double d = s.d();
        if (Double.isNaN(d)) {
            throw new EvaluationException("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw new EvaluationException("cannot convert float infinity to integer");
        }
        double t = d < 0 ? Math.ceil(d) : Math.floor(d);
        if (t < -0x1p63 || t >= 0x1p63) {
            throw new EvaluationException("int() of " + d + " does not fit in 64 bits");
        }
        return Scalar.pyInt((long) t);
    }

    private static Scalar pythonAbs(Scalar s) {
        if (s.type().isFloat()) {
            return Scalar.pyFloat(Math.abs(s.d()));
        }
        if (s.l() == Long.MIN_VALUE) {
            throw new EvaluationException("abs() of " + s.l() + " does not fit in 64 bits");
        }
        return Scalar.pyInt(Math.abs(s.l()));
    }

    /** Python's {@code sum}: {@code 0 + x[0] + x[1] + ...} one element at a time (not numpy's pairwise sum). */
    private static Val sequentialSum(Val v) {
        Numeric total = Scalar.pyInt(0);
        if (v instanceof Arr) {
            Arr x = (Arr) v;
            for (int i = 0; i < x.size(); i++) {
                total = Arith.binary(Ops.Binary.ADD, total, x.get(i));
            }
            return total;
        }
        if (v instanceof Val.Tuple) {
            for (Val item : ((Val.Tuple) v).items()) {
                total = Arith.binary(Ops.Binary.ADD, total, numeric("sum", item));
            }
            return total;
        }
        throw new EvaluationException("sum() needs an array or a tuple, not a " + Val.describe(v));
    }

    // ---- methods --------------------------------------------------------------------------

    static Val astype(Val receiver, Val dtype) {
        Numeric x = numeric("astype", receiver);
        if (Arith.isWeak(x)) {
            throw new EvaluationException("'" + Val.describe(x) + "' object has no attribute 'astype'");
        }
        NumType t;
        if (dtype instanceof Val.DTypeRef) {
            t = ((Val.DTypeRef) dtype).type();
        } else if (dtype instanceof Val.Text) {
            t = NumType.parse(((Val.Text) dtype).value());
        } else {
            throw new EvaluationException("astype() needs a dtype, not a " + Val.describe(dtype));
        }
        return Arith.cast(x, t);
    }
}
