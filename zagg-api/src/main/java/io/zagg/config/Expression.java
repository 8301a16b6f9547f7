package io.zagg.config;

/**
 * One compiled expression of a config: an output field's {@code expression}, a
 * {@code chunk_precompute} entry, a {@code params} string or an expression filter. It was parsed
 * and checked when the config was loaded, so evaluating it can only fail on the data (a
 * non-finite histogram range, a shape that does not fit its field), never on the language.
 * Immutable and thread-safe.
 */
public final class Expression {

    private final String text;
    private final Compiler.Step step;

    private Expression(String text, Node tree) {
        this.text = text;
        this.step = Compiler.compile(tree);
    }

    /**
     * Parses and checks {@code text} against a scope.
     *
     * @throws ExpressionException if the text is outside the language or names something unknown
     */
    static Expression compile(String text, Checker.Scope scope) {
        Node tree = Parser.parse(text);
        Checker.check(tree, scope);
        return new Expression(text, tree);
    }

    /** An expression built from a tree (a {@code chunk_precompute} function entry), checked like parsed text. */
    static Expression of(Node tree, Checker.Scope scope) {
        Checker.check(tree, scope);
        return new Expression(tree.toString(), tree);
    }

    /** The expression as written in the config. */
    public String text() {
        return text;
    }

    /** Whether the stripped text is one identifier (zagg's test for the empty-cell chunk-value rule). */
    boolean isBareName() {
        String t = text.strip();
        if (t.isEmpty() || !Tokenizer.isNameStart(t.charAt(0))) {
            return false;
        }
        return t.chars().allMatch(c -> Tokenizer.isNamePart((char) c));
    }

    Val evaluate(Namespace namespace) {
        return step.eval(new Compiler.Env(namespace, NumpyFunctions.EXACT));
    }

    @Override
    public String toString() {
        return text;
    }
}
