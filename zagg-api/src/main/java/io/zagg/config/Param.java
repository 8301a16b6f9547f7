package io.zagg.config;

/**
 * One {@code params} entry of a function field, classified at load time as zagg classifies it at
 * run time: a string naming a column is that column, a string containing a column name is an
 * expression, anything else is passed literally.
 */
public sealed interface Param {

    /** The value for one cell's (or chunk's) namespace. */
    ParamValue resolve(Namespace namespace);

    /** A literal YAML value: a number (integers as Long), boolean, list or map; a numeric string is read as its number. */
    record Literal(Object value) implements Param {
        @Override
        public ParamValue resolve(Namespace namespace) {
            return new ParamValue.Literal(value);
        }
    }

    /** A string naming a column or a {@code chunk_precompute} value. */
    record ColumnRef(String name) implements Param {
        @Override
        public ParamValue resolve(Namespace namespace) {
            return of(namespace.value(name), name);
        }
    }

    /** A string evaluated per cell, e.g. {@code weights: "1.0 / s_li**2"}. */
    record Computed(Expression expression) implements Param {
        @Override
        public ParamValue resolve(Namespace namespace) {
            return of(expression.evaluate(namespace), expression.text());
        }
    }

    private static ParamValue of(Val v, String what) {
        if (v instanceof Scalar) {
            Scalar s = (Scalar) v;
            return new ParamValue.Number(s.toDouble(), s.type().dtype());
        }
        if (v instanceof Arr) {
            Arr.Run r = ((Arr) v).run();
            return new ParamValue.Rows(r.column(), r.start(), r.end());
        }
        throw new EvaluationException("param '" + what + "' gave a " + Val.describe(v) + ", not a number or per-row values");
    }
}
