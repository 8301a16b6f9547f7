package io.zagg.config;

/**
 * A {@code data_source.filters} entry with an {@code expression}: a per-row predicate over the
 * columns read from a beam, applied after the structured filters. Immutable and thread-safe.
 */
public final class RowFilter {

    private final int index;
    private final Expression expression;

    RowFilter(int index, Expression expression) {
        this.index = index;
        this.expression = expression;
    }

    /** The filter's position in {@code data_source.filters}. */
    public int index() {
        return index;
    }

    public Expression expression() {
        return expression;
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
            throw new EvaluationException("filter[" + index + "]: expression '" + expression.text() + "': " + e.getMessage());
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

    @Override
    public String toString() {
        return "filter[" + index + "]: " + expression.text();
    }
}
