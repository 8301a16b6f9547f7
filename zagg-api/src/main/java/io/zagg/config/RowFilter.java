package io.zagg.config;

import io.zagg.read.ExpressionCompiler;
import io.zagg.read.RowPredicate;
import io.zagg.spi.Column;
import java.util.Map;
import java.util.Set;

/**
 * A {@code data_source.filters} entry with an {@code expression}: a per-row predicate over the
 * columns read from a beam, applied by the reader after the structured filters. Immutable and
 * thread-safe.
 */
public final class RowFilter implements RowPredicate {

    private final int index;
    private final Expression expression;

    RowFilter(int index, Expression expression) {
        this.index = index;
        this.expression = expression;
    }

    /**
     * The reader's compiler of expression filters over the named columns (a layout's variables
     * and segment variables).
     *
     * @return a compiler whose {@link IllegalArgumentException} names the expression and what
     *     is outside the language
     */
    public static ExpressionCompiler compiler(Set<String> columns) {
        Checker.Scope scope = new Checker.Scope(columns, true);
        return text -> {
            try {
                return new RowFilter(-1, Expression.compile(text, scope));
            } catch (ExpressionException e) {
                throw new IllegalArgumentException("expression filter " + (e.namesUnknownIdentifier() ? "" : "'" + text + "' ")
                        + e.getMessage(), e);
            }
        };
    }

    /** The filter's position in {@code data_source.filters}, or -1 for one compiled for the reader. */
    public int index() {
        return index;
    }

    public Expression expression() {
        return expression;
    }

    private String label() {
        return index >= 0 ? "filter[" + index + "]" : "expression filter";
    }

    /**
     * Which rows of {@code rows} to keep: the expression's value cast to bool, one per row.
     *
     * @throws EvaluationException if numpy would have raised, or the value is not one truth
     *     value per row (zagg's message)
     */
    public boolean[] mask(Namespace rows) {
        Val v;
        try {
            v = expression.evaluate(rows);
        } catch (EvaluationException e) {
            throw new EvaluationException(label() + ": expression '" + expression.text() + "': " + e.getMessage());
        }
        int n = (int) rows.rowCount();
        if (!(v instanceof Arr) || ((Arr) v).size() != n) {
            String shape = v instanceof Arr ? "(" + ((Arr) v).size() + ",)" : "()";
            throw new EvaluationException("expression filter '" + expression.text() + "' must yield a per-row boolean mask"
                    + " (got shape " + shape + ", expected (" + n + ",))");
        }
        Arr a = (Arr) v;
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            keep[i] = a.truth(i);
        }
        return keep;
    }

    /** The reader's view: the mask over the first {@code rows} rows of a beam's columns. */
    @Override
    public boolean[] test(Map<String, Column> columns, int rows) {
        return mask(Namespace.of(columns, 0, rows));
    }

    @Override
    public String toString() {
        return label() + ": " + expression.text();
    }
}
