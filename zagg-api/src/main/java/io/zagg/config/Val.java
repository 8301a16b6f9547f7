package io.zagg.config;

import java.util.List;

/**
 * A value during expression evaluation. Numbers follow numpy: a {@link Scalar} is a numpy scalar
 * (or a Python number, marked {@linkplain Scalar#weak() weak} as NEP 50 calls it), an
 * {@link Arr} a 1-D array; tuples, strings and dtype objects only appear as function arguments
 * and results ({@code np.histogram(...)} returns a tuple).
 */
sealed interface Val permits Numeric, Val.Tuple, Val.Text, Val.DTypeRef {

    /** A Python tuple. */
    record Tuple(List<Val> items) implements Val {
        public Tuple {
            items = List.copyOf(items);
        }
    }

    /** A string literal: only ever a dtype name for {@code astype}. */
    record Text(String value) implements Val {
    }

    /** A numpy dtype object such as {@code np.uint32}, as an {@code astype} argument. */
    record DTypeRef(NumType type) implements Val {
    }

    /** How numpy names the value's type in its error messages. */
    static String describe(Val v) {
        if (v instanceof Scalar) {
            Scalar s = (Scalar) v;
            if (s.weak()) {
                return s.type().isFloat() ? "float" : "int";
            }
            return "numpy." + s.type().numpyName();
        }
        if (v instanceof Arr) {
            return "array of " + ((Arr) v).type().numpyName() + " with shape (" + ((Arr) v).size() + ",)";
        }
        if (v instanceof Tuple) {
            return "tuple of " + ((Tuple) v).items().size();
        }
        if (v instanceof Text) {
            return "str";
        }
        return "dtype";
    }
}
