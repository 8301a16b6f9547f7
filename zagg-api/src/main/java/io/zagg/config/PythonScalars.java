package io.zagg.config;

/**
 * Arithmetic between two Python numbers (both weak), which Python does itself: exact integers,
 * float division, and Python's errors (division by zero, complex powers) instead of numpy's
 * infinities.
 */
final class PythonScalars {

    private PythonScalars() {
    }

    static Scalar binary(Ops.Binary op, Scalar a, Scalar b) {
        boolean floats = a.type().isFloat() || b.type().isFloat();
        if (op == Ops.Binary.AND || op == Ops.Binary.OR) {
            if (floats) {
                throw new EvaluationException("unsupported operand type(s) for " + op.symbol + ": '"
                        + Val.describe(a) + "' and '" + Val.describe(b) + "'");
            }
            return Scalar.pyInt(op == Ops.Binary.AND ? a.l() & b.l() : a.l() | b.l());
        }
        if (floats) {
            double x = a.toDouble();
            double y = b.toDouble();
            switch (op) {
                case ADD: return Scalar.pyFloat(x + y);
                case SUB: return Scalar.pyFloat(x - y);
                case MUL: return Scalar.pyFloat(x * y);
                case DIV:
                    if (y == 0) {
                        throw new EvaluationException("float division by zero");
                    }
                    return Scalar.pyFloat(x / y);
                default: return Scalar.pyFloat(power(x, y));
            }
        }
        long x = a.l();
        long y = b.l();
        try {
            switch (op) {
                case ADD: return Scalar.pyInt(Math.addExact(x, y));
                case SUB: return Scalar.pyInt(Math.subtractExact(x, y));
                case MUL: return Scalar.pyInt(Math.multiplyExact(x, y));
                case DIV:
                    if (y == 0) {
                        throw new EvaluationException("division by zero");
                    }
                    return Scalar.pyFloat((double) x / (double) y);
                default:
                    return y >= 0 ? Scalar.pyInt(exactPower(x, y)) : Scalar.pyFloat(power(x, y));
            }
        } catch (ArithmeticException overflow) {
            throw new EvaluationException("integer result of " + x + " " + op.symbol + " " + y + " does not fit in 64 bits");
        }
    }

    static Scalar unary(Ops.Unary op, Scalar a) {
        if (a.type().isFloat()) {
            if (op == Ops.Unary.INVERT) {
                throw new EvaluationException("bad operand type for unary ~: 'float'");
            }
            return Scalar.pyFloat(-a.d());
        }
        if (op == Ops.Unary.INVERT) {
            return Scalar.pyInt(~a.l());
        }
        try {
            return Scalar.pyInt(Math.negateExact(a.l()));
        } catch (ArithmeticException overflow) {
            throw new EvaluationException("integer result of -" + a.l() + " does not fit in 64 bits");
        }
    }

    private static double power(double x, double y) {
        if (x == 0 && y < 0) {
            throw new EvaluationException("0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.rint(y) && !Double.isInfinite(y)) {
            throw new EvaluationException("a negative number raised to a fractional power is complex");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw new EvaluationException("(34, 'Numerical result out of range')");
        }
        return r;
    }

    private static long exactPower(long base, long exp) {
        long result = 1;
        long b = base;
        long e = exp;
        while (e > 0) {
            if ((e & 1) != 0) {
                result = Math.multiplyExact(result, b);
            }
            e >>>= 1;
            if (e > 0) {
                // a square that overflows would also overflow the final product (|b| >= 2)
                b = Math.multiplyExact(b, b);
            }
        }
        return result;
    }
}
