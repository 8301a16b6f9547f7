package io.zagg.config;

/**
 * An expression could not be evaluated on the data it was given: a numpy error (such as
 * {@code np.histogram} on a non-finite range) or a value of the wrong shape for its field. The
 * message says what numpy would have said, prefixed by the field or filter at fault.
 */
public final class EvaluationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
        super(message);
    }
}
