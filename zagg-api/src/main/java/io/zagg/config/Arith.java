package io.zagg.config;

/**
 * numpy 2 arithmetic on {@link Numeric} values: type promotion with NEP 50 weak Python scalars,
 * broadcasting of scalars and length-1 arrays, and every operation rounded once in its result
 * type. A float32 result is the double result of float32 operands rounded to float, which is
 * exactly IEEE float32 arithmetic for {@code + - * /} and sqrt.
 */
final class Arith {

    private Arith() {
    }

    // ---- type promotion -------------------------------------------------------------------

    /** numpy's {@code result_type} of two numpy (strong) types. */
    static NumType promote(NumType a, NumType b) {
        if (a == b) {
            return a;
        }
        if (a.isBool()) {
            return b;
        }
        if (b.isBool()) {
            return a;
        }
        if (a.isFloat() || b.isFloat()) {
            if (a == NumType.FLOAT64 || b == NumType.FLOAT64) {
                return NumType.FLOAT64;
            }
            NumType integer = a.isFloat() ? b : a;
            return integer.bytes() <= 2 ? NumType.FLOAT32 : NumType.FLOAT64;
        }
        if (a.isUnsigned() == b.isUnsigned()) {
            return a.bytes() >= b.bytes() ? a : b;
        }
        NumType signed = a.isUnsigned() ? b : a;
        NumType unsigned = a.isUnsigned() ? a : b;
        if (unsigned.bytes() < signed.bytes()) {
            return signed;
        }
        return unsigned.bytes() < 8 ? NumType.signedOfBytes(unsigned.bytes() * 2) : NumType.FLOAT64;
    }

    static boolean isWeak(Numeric v) {
        return v instanceof Scalar && ((Scalar) v).weak();
    }

    /**
     * NEP 50 result type: a weak Python int takes the other operand's type (int64 next to a bool),
     * a weak Python float the other's float type (float64 next to an integer). Two weak operands
     * give numpy's defaults int64 / float64.
     */
    static NumType resultType(Numeric a, Numeric b) {
        boolean wa = isWeak(a);
        boolean wb = isWeak(b);
        if (wa && wb) {
            return a.type().isFloat() || b.type().isFloat() ? NumType.FLOAT64 : NumType.INT64;
        }
        if (wa) {
            return withWeak(b.type(), a.type());
        }
        if (wb) {
            return withWeak(a.type(), b.type());
        }
        return promote(a.type(), b.type());
    }

    /** {@code np.result_type} of several values: the strong types promote, then the weak ones apply. */
    static NumType resultType(Numeric first, Numeric second, Numeric third) {
        NumType strong = null;
        boolean weakFloat = false;
        boolean weakInt = false;
        for (Numeric v : new Numeric[] {first, second, third}) {
            if (isWeak(v)) {
                weakFloat |= v.type().isFloat();
                weakInt |= !v.type().isFloat();
            } else {
                strong = strong == null ? v.type() : promote(strong, v.type());
            }
        }
        if (strong == null) {
            return weakFloat ? NumType.FLOAT64 : NumType.INT64;
        }
        NumType t = weakFloat ? withWeak(strong, NumType.FLOAT64) : strong;
        return weakInt ? withWeak(t, NumType.INT64) : t;
    }

    private static NumType withWeak(NumType strong, NumType weak) {
        if (weak.isFloat()) {
            return strong.isFloat() ? strong : NumType.FLOAT64;
        }
        return strong.isBool() ? NumType.INT64 : strong;
    }

    /** numpy's rule that a Python int must fit the integer type it is converted to. */
    private static void checkWeakFits(Numeric v, NumType t) {
        if (isWeak(v) && t.isInteger() && !v.type().isFloat() && !t.holds(((Scalar) v).l())) {
            throw new EvaluationException("Python integer " + ((Scalar) v).l() + " out of bounds for " + t.numpyName());
        }
    }

    /**
     * numpy broadcasting of two 1-D operands: equal lengths, or one of length 1 (a scalar) repeated.
     * An operand's stride is 0 when it is the repeated one.
     */
    private record Shape(int n, int strideA, int strideB) {
        /** The shape of an operation computed in {@code t}, into which both operands must fit. */
        static Shape of(Numeric a, Numeric b, NumType t) {
            checkWeakFits(a, t);
            checkWeakFits(b, t);
            return of(a, b);
        }

        static Shape of(Numeric a, Numeric b) {
            int na = a.size();
            int nb = b.size();
            if (na != nb && na != 1 && nb != 1) {
                throw new EvaluationException("operands could not be broadcast together with shapes (" + na + ",) (" + nb + ",)");
            }
            return new Shape(na == 1 ? nb : na, na == 1 ? 0 : 1, nb == 1 ? 0 : 1);
        }
    }

    private static boolean scalarResult(Numeric a, Numeric b) {
        return a instanceof Scalar && b instanceof Scalar;
    }

    // ---- binary operators -----------------------------------------------------------------

    /** A Python binary operator between two values. */
    static Numeric binary(Ops.Binary op, Numeric a, Numeric b) {
        if (isWeak(a) && isWeak(b)) {
            return PythonScalars.binary(op, (Scalar) a, (Scalar) b);
        }
        NumType t = resultType(a, b);
        if (op == Ops.Binary.DIV && !t.isFloat()) {
            t = NumType.FLOAT64;
        }
        if (t.isBool()) {
            switch (op) {
                case ADD: op = Ops.Binary.OR; break;
                case MUL: op = Ops.Binary.AND; break;
                case POW: t = NumType.INT8; break;
                case SUB:
                    throw new EvaluationException("numpy boolean subtract, the `-` operator, is not supported,"
                            + " use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
                default:
            }
        }
        if ((op == Ops.Binary.AND || op == Ops.Binary.OR) && t.isFloat()) {
            throw new EvaluationException("operator " + op.symbol + " is not supported for " + t.numpyName()
                    + " values (use it on boolean arrays, e.g. (h > 0) & (s < 1))");
        }
        Shape shape = Shape.of(a, b, t);
        int n = shape.n();
        int sa = shape.strideA();
        int sb = shape.strideB();
        Arr out;
        switch (t) {
            case FLOAT32:
            case FLOAT64: {
                FloatResult r = new FloatResult(t, n);
                FastPower fast = FastPower.of(op, a, b);
                for (int i = 0; i < n; i++) {
                    double x = r.read(a, i * sa);
                    r.set(i, fast != null ? fast.apply(x) : float64(op, x, r.read(b, i * sb)));
                }
                out = r.array();
                break;
            }
            case BOOL: {
                boolean[] r = new boolean[n];
                for (int i = 0; i < n; i++) {
                    boolean x = a.truth(i * sa);
                    boolean y = b.truth(i * sb);
                    r[i] = op == Ops.Binary.AND ? x && y : x || y;
                }
                out = Arr.of(r);
                break;
            }
            default: {
                long[] r = new long[n];
                for (int i = 0; i < n; i++) {
                    r[i] = t.wrap(integer(op, a.i64(i * sa), b.i64(i * sb)));
                }
                out = Arr.of(t, r);
            }
        }
        return scalarResult(a, b) ? out.get(0) : out;
    }

    /**
     * The operation in double precision. For float32 operands the result rounded to float is
     * float32's own result for + - * / (53 bits suffice for a single rounding), and {@code pow}
     * is computed this way by design (numpy's powf may differ in the last bit).
     */
    static double float64(Ops.Binary op, double x, double y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case DIV: return x / y;
            case POW: return Math.pow(x, y);
            default: throw new IllegalStateException(op.name());
        }
    }

    private static long integer(Ops.Binary op, long x, long y) {
        switch (op) {
            case ADD: return x + y;
            case SUB: return x - y;
            case MUL: return x * y;
            case AND: return x & y;
            case OR: return x | y;
            case POW: return integerPower(x, y);
            default: throw new IllegalStateException(op.name());
        }
    }

    /** numpy's integer power: repeated squaring with wrap-around; negative exponents are an error. */
    static long integerPower(long base, long exp) {
        if (exp < 0) {
            throw new EvaluationException("Integers to negative integer powers are not allowed.");
        }
        long result = 1;
        long b = base;
        long e = exp;
        while (e != 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
            e >>>= 1;
        }
        return result;
    }

    /**
     * numpy computes {@code array ** 2}, {@code array ** 0.5} and {@code array ** -1} with a
     * Python-number exponent as square, sqrt and reciprocal; the results equal the correctly
     * rounded power except for sqrt of -0 and -inf, which is why the shortcut is kept.
     */
    private enum FastPower {
        SQUARE, SQRT, RECIPROCAL;

        static FastPower of(Ops.Binary op, Numeric base, Numeric exp) {
            if (op != Ops.Binary.POW || !(base instanceof Arr) || !isWeak(exp)) {
                return null;
            }
            Scalar e = (Scalar) exp;
            if (!e.type().isFloat()) {
                return e.l() == 2 ? SQUARE : e.l() == -1 ? RECIPROCAL : null;
            }
            return e.d() == 0.5 ? SQRT : null;
        }

        double apply(double x) {
            switch (this) {
                case SQUARE: return x * x;
                case SQRT: return Math.sqrt(x);
                default: return 1.0 / x;
            }
        }
    }

    // ---- comparisons ----------------------------------------------------------------------

    /**
     * A comparison. Integers (including Python ints and uint64 words) compare exactly, as numpy 2
     * does; anything involving a float compares in the promoted float type.
     */
    static Numeric compare(Ops.Compare op, Numeric a, Numeric b) {
        Shape shape = Shape.of(a, b);
        int n = shape.n();
        int sa = shape.strideA();
        int sb = shape.strideB();
        boolean[] r = new boolean[n];
        NumType t = resultType(a, b);
        if (!a.type().isFloat() && !b.type().isFloat()) {
            boolean ua = a.type() == NumType.UINT64;
            boolean ub = b.type() == NumType.UINT64;
            for (int i = 0; i < n; i++) {
                r[i] = op.test(compareIntegers(a.i64(i * sa), ua, b.i64(i * sb), ub));
            }
        } else if (t == NumType.FLOAT32) {
            for (int i = 0; i < n; i++) {
                r[i] = op.test(a.f32(i * sa), b.f32(i * sb));
            }
        } else {
            for (int i = 0; i < n; i++) {
                r[i] = op.test(a.f64(i * sa), b.f64(i * sb));
            }
        }
        return scalarResult(a, b) ? Scalar.ofBool(r[0]) : Arr.of(r);
    }

    private static int compareIntegers(long a, boolean aU64, long b, boolean bU64) {
        boolean aBig = aU64 && a < 0;
        boolean bBig = bU64 && b < 0;
        if (aBig || bBig) {
            return aBig && bBig ? Long.compareUnsigned(a, b) : aBig ? 1 : -1;
        }
        return Long.compare(a, b);
    }

    // ---- unary operators ------------------------------------------------------------------

    static Numeric unary(Ops.Unary op, Numeric a) {
        if (isWeak(a)) {
            return PythonScalars.unary(op, (Scalar) a);
        }
        NumType t = a.type();
        int n = a.size();
        Arr out;
        if (op == Ops.Unary.NEG) {
            if (t.isBool()) {
                throw new EvaluationException("The numpy boolean negative, the `-` operator, is not supported,"
                        + " use the `~` operator or the logical_not function instead.");
            }
            out = map(a, t, x -> -x, x -> -x);
        } else {
            if (t.isFloat()) {
                throw new EvaluationException("operator ~ is not supported for " + t.numpyName()
                        + " values (use it on boolean arrays, e.g. ~(h > 0))");
            }
            if (t.isBool()) {
                boolean[] r = new boolean[n];
                for (int i = 0; i < n; i++) {
                    r[i] = !a.truth(i);
                }
                out = Arr.of(r);
            } else {
                out = map(a, t, x -> x, x -> ~x);
            }
        }
        return a instanceof Scalar ? out.get(0) : out;
    }

    interface DoubleFn {
        double apply(double x);
    }

    interface LongFn {
        long apply(long x);
    }

    /**
     * Applies an element-wise function, producing an array of type {@code t}: a float function
     * is computed in double and rounded to float32 for a float32 result, an integer (or bool)
     * function on the integer values.
     */
    static Arr map(Numeric a, NumType t, DoubleFn real, LongFn integer) {
        int n = a.size();
        if (t.isFloat()) {
            FloatResult r = new FloatResult(t, n);
            for (int i = 0; i < n; i++) {
                r.set(i, real.apply(r.read(a, i)));
            }
            return r.array();
        }
        if (t == NumType.BOOL) {
            boolean[] r = new boolean[n];
            for (int i = 0; i < n; i++) {
                r[i] = integer.apply(a.i64(i)) != 0;
            }
            return Arr.of(r);
        }
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = t.wrap(integer.apply(a.i64(i)));
        }
        return Arr.of(t, r);
    }

    /** The result array of a float32 or float64 operation, filled from double values. */
    private static final class FloatResult {
        private final float[] single;
        private final double[] full;

        FloatResult(NumType t, int n) {
            single = t == NumType.FLOAT32 ? new float[n] : null;
            full = single == null ? new double[n] : null;
        }

        /** An operand's element cast to this result's type, widened exactly to double. */
        double read(Numeric v, int i) {
            return single != null ? v.f32(i) : v.f64(i);
        }

        void set(int i, double v) {
            if (single != null) {
                single[i] = (float) v;
            } else {
                full[i] = v;
            }
        }

        Arr array() {
            return single != null ? Arr.of(single) : Arr.of(full);
        }
    }

    // ---- np.maximum / np.minimum ------------------------------------------------------------

    /**
     * {@code np.maximum}/{@code np.minimum}: NaN-propagating, and on a tie the second argument
     * wins (numpy's {@code (a > b || isnan(a)) ? a : b}, which decides the sign of a zero).
     */
    static Numeric extremum(boolean max, Numeric a, Numeric b) {
        if (isWeak(a) && isWeak(b)) {
            a = ((Scalar) a).strong();
            b = ((Scalar) b).strong();
        }
        NumType t = resultType(a, b);
        Shape shape = Shape.of(a, b, t);
        int n = shape.n();
        int sa = shape.strideA();
        int sb = shape.strideB();
        Arr out;
        if (t.isFloat()) {
            FloatResult r = new FloatResult(t, n);
            for (int i = 0; i < n; i++) {
                double x = r.read(a, i * sa);
                double y = r.read(b, i * sb);
                r.set(i, (max ? x > y : x < y) || Double.isNaN(x) ? x : y);
            }
            out = r.array();
        } else if (t == NumType.BOOL) {
            boolean[] r = new boolean[n];
            for (int i = 0; i < n; i++) {
                r[i] = max ? a.truth(i * sa) || b.truth(i * sb) : a.truth(i * sa) && b.truth(i * sb);
            }
            out = Arr.of(r);
        } else {
            long[] r = new long[n];
            boolean unsigned = t == NumType.UINT64;
            for (int i = 0; i < n; i++) {
                long x = t.wrap(a.i64(i * sa));
                long y = t.wrap(b.i64(i * sb));
                int c = unsigned ? Long.compareUnsigned(x, y) : Long.compare(x, y);
                r[i] = (max ? c > 0 : c < 0) ? x : y;
            }
            out = Arr.of(t, r);
        }
        return scalarResult(a, b) ? out.get(0) : out;
    }

    // ---- casts ----------------------------------------------------------------------------

    /**
     * {@code astype(t)} / {@code np.float32(x)}: round to nearest into floats, wrap between
     * integer widths, truncate floats toward zero into integers. A NaN, infinite or
     * out-of-range float has no integer value (numpy leaves it undefined), so it is an error.
     */
    static Numeric cast(Numeric v, NumType t) {
        if (v.type() == t && !isWeak(v)) {
            return v;
        }
        NumType from = v.type();
        Arr out;
        checkWeakFits(v, t);
        if (t.isFloat() || !from.isFloat()) {
            out = map(v, t, x -> x, x -> x);
        } else {
            int n = v.size();
            long[] r = new long[n];
            boolean[] b = t.isBool() ? new boolean[n] : null;
            for (int i = 0; i < n; i++) {
                double x = v.f64(i);
                if (b != null) {
                    b[i] = x != 0;
                } else {
                    r[i] = t.wrap(floatToInteger(x, t));
                }
            }
            out = b != null ? Arr.of(b) : Arr.of(t, r);
        }
        return v instanceof Scalar ? out.get(0) : out;
    }

    private static long floatToInteger(double x, NumType t) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            throw new EvaluationException("cannot convert float " + (Double.isNaN(x) ? "NaN" : x > 0 ? "inf" : "-inf")
                    + " to " + t.numpyName());
        }
        double truncated = x < 0 ? Math.ceil(x) : Math.floor(x);
        boolean fits = t == NumType.UINT64 ? truncated >= 0 && truncated < 0x1p64
                : t == NumType.INT64 ? truncated >= -0x1p63 && truncated < 0x1p63
                : t.holds((long) truncated);
        if (!fits) {
            throw new EvaluationException("float " + x + " is out of range for " + t.numpyName());
        }
        if (t == NumType.UINT64 && truncated >= 0x1p63) {
            return (long) (truncated - 0x1p63) ^ Long.MIN_VALUE;
        }
        return (long) truncated;
    }
}
