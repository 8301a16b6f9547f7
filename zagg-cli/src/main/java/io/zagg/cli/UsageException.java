package io.zagg.cli;

/**
 * An argument that parsed but names something unusable (a path that is not a store): reported as
 * one line on standard error with exit status 2, like any usage error, but without the usage help.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * What {@code build} returns; an {@link IllegalArgumentException} it throws (a config that
     * breaks a rule, a missing granule, an unknown carrier) becomes a usage error.
     */
    static <T> T whenInvalid(java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
