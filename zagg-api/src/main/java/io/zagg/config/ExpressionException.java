package io.zagg.config;

/**
 * An expression is outside the language: its syntax, a name it uses, or a function, method or
 * argument it calls. The message is the detail only; the config validator prefixes the field
 * and, unless {@link #namesUnknownIdentifier()}, the expression text.
 */
final class ExpressionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final boolean unknownIdentifier;

    private ExpressionException(String detail, boolean unknownIdentifier) {
        super(detail);
        this.unknownIdentifier = unknownIdentifier;
    }

    static ExpressionException syntax(String detail) {
        return new ExpressionException(detail, false);
    }

    /** zagg's own message for a name that is neither a column nor numpy's. */
    static ExpressionException unknownName(String name, String namespace) {
        return new ExpressionException("references '" + name + "' which is not in " + namespace, true);
    }

    /** Whether this is zagg's unknown-identifier message, which zagg prints without the expression text. */
    boolean namesUnknownIdentifier() {
        return unknownIdentifier;
    }
}
