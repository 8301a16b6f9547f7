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
}
