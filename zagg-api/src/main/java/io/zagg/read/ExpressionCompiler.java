package io.zagg.read;

/**
 * Compiles the layout's {@code expression:} filters (zagg's escape hatch, e.g.
 * {@code "(h_li > 0) & (s_li < 1)"}). The expression language supplies it through
 * {@link ReadOptions.Builder#expressions(ExpressionCompiler)}; the reader does not parse
 * expressions itself.
 */
@FunctionalInterface
public interface ExpressionCompiler {

    /**
     * @throws IllegalArgumentException naming the expression and what is wrong with it
     */
    RowPredicate compile(String expression);
}
