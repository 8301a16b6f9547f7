package io.zagg.spi;

/**
 * A carrier cannot be used in this JVM: its module is missing, its provider failed to load, or
 * it cannot start (the ARROW carrier without {@code --add-opens=java.base/java.nio=ALL-UNNAMED}).
 * The message says what to change.
 */
public class CarrierUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CarrierUnavailableException(String message) {
        super(message);
    }

    public CarrierUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
