package io.zagg.read;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which inflate the chunk decoder uses, chosen once per process by the system property
 * {@value #PROPERTY}: {@code auto} (the default: libdeflate when the library loads, else zlib),
 * {@code zlib} (java.util.zip, always there) or {@code libdeflate} (an error when the library
 * cannot be loaded). The choice is process-wide because each thread's {@link DecodeBuffers}
 * serve every reader; {@code bin/zagg run --inflate} sets the property.
 *
 * <p>libdeflate comes from the OS ({@code apt-get install libdeflate0}) and is called through
 * JNA; neither is needed when zlib is chosen or the library is absent: JNA's classes are touched
 * only while trying to load it, and a missing JNA or library makes {@code auto} fall back to zlib.
 */
final class Inflation {

    static final String PROPERTY = "zagg.inflate";
    /** The library as JNA looks it up: {@code libdeflate.so.0} on Linux. */
    static final String LIBRARY = "deflate";

    private static final Logger LOG = LoggerFactory.getLogger(Inflation.class);

    /** The implementations. */
    enum Kind {
        ZLIB,
        LIBDEFLATE;

        /** A new inflater of this kind for one thread ({@code LIBDEFLATE} only once the library is bound). */
        Inflate newInflate() {
            // a plain branch, not a method reference: LibdeflateInflate is loaded only when it is used
            return this == ZLIB ? new ZlibInflate() : new LibdeflateInflate();
        }
    }

    private static volatile Kind chosen;

    private Inflation() {
    }

    /**
     * The process's choice, decided on first use from {@value #PROPERTY} and logged at debug.
     *
     * @throws IllegalArgumentException when the property is not {@code auto}, {@code zlib} or {@code libdeflate}
     * @throws IllegalStateException when it asks for libdeflate and the library cannot be loaded
     */
    static Kind kind() {
        Kind k = chosen;
        if (k == null) {
            synchronized (Inflation.class) {
                if (chosen == null) {
                    chosen = decide(System.getProperty(PROPERTY, "auto"), LIBRARY);
                }
                k = chosen;
            }
        }
        return k;
    }

    /** Makes every thread's next chunk use {@code kind} (tests compare the two on the same reads). */
    static void use(Kind kind) {
        chosen = kind;
    }

    /** What {@code choice} means with libdeflate looked up as {@code library} (the tests pass a missing one). */
    static Kind decide(String choice, String library) {
        switch (choice.trim().toLowerCase(Locale.ROOT)) {
            case "zlib":
                LOG.debug("inflating with zlib ({}=zlib)", PROPERTY);
                return Kind.ZLIB;
            case "libdeflate": {
                String failure = load(library);
                if (failure != null) {
                    throw new IllegalStateException(PROPERTY + "=libdeflate, but libdeflate cannot be loaded (library '" + library
                            + "': " + failure + "); install it (Debian/Ubuntu: apt-get install libdeflate0) or use " + PROPERTY
                            + "=auto or zlib");
                }
                LOG.debug("inflating with libdeflate ({}=libdeflate)", PROPERTY);
                return Kind.LIBDEFLATE;
            }
            case "auto": {
                String failure = load(library);
                if (failure == null) {
                    LOG.debug("inflating with libdeflate ({}=auto: library '{}' loaded)", PROPERTY, library);
                    return Kind.LIBDEFLATE;
                }
                LOG.debug("inflating with zlib ({}=auto: libdeflate cannot be loaded: {})", PROPERTY, failure);
                return Kind.ZLIB;
            }
            default:
                throw new IllegalArgumentException(PROPERTY + " '" + choice + "' is not one of auto, zlib, libdeflate");
        }
    }

    // null when loaded; else why not, in one line
    private static String load(String library) {
        try {
            Libdeflate.bind(library);
            return null;
        } catch (NoClassDefFoundError e) {
            return "JNA (net.java.dev.jna:jna) is not on the class path: " + e.getMessage();
        } catch (LinkageError e) { // the library or one of its functions is missing
            String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
            return message.lines().findFirst().orElse(message).trim();
        }
    }
}
