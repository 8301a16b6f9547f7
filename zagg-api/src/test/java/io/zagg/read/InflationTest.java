package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How {@code zagg.inflate} picks the inflate: the three choices, a missing library, a bad value. */
class InflationTest {

    private static final String MISSING = "zagg-no-such-deflate";

    @Test
    void zlibNeedsNoLibrary() {
        assertEquals(Inflation.Kind.ZLIB, Inflation.decide("zlib", MISSING));
        assertEquals(Inflation.Kind.ZLIB, Inflation.decide(" ZLIB ", Inflation.LIBRARY));
    }

    @Test
    void autoFallsBackToZlibWithoutTheLibrary() {
        assertEquals(Inflation.Kind.ZLIB, Inflation.decide("auto", MISSING));
    }

    @Test
    void autoAndLibdeflateUseTheLibraryWhenItLoads() {
        InflateTest.assumeLibdeflate();
        assertEquals(Inflation.Kind.LIBDEFLATE, Inflation.decide("auto", Inflation.LIBRARY));
        assertEquals(Inflation.Kind.LIBDEFLATE, Inflation.decide("libdeflate", Inflation.LIBRARY));
    }

    @Test
    void libdeflateWithoutTheLibraryNamesItAndHowToInstallIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Inflation.decide("libdeflate", MISSING));
        String m = e.getMessage();
        assertTrue(m.startsWith("zagg.inflate=libdeflate, but libdeflate cannot be loaded (library '" + MISSING + "': "), m);
        assertTrue(m.endsWith("); install it (Debian/Ubuntu: apt-get install libdeflate0) or use zagg.inflate=auto or zlib"), m);
        assertTrue(m.contains("Unable to load library '" + MISSING + "'"), m);
    }

    @Test
    void anyOtherValueIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Inflation.decide("gzip", Inflation.LIBRARY));
        assertEquals("zagg.inflate 'gzip' is not one of auto, zlib, libdeflate", e.getMessage());
    }
}
