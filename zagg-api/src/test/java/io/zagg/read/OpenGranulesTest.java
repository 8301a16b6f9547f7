package io.zagg.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.storage.HdfFileChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenGranulesTest {

    @TempDir
    Path tmp;

    private static boolean isOpen(HdfFile file) {
        return ((HdfFileChannel) file.getHdfBackingStorage()).getFileChannel().isOpen();
    }

    private Path copy(String fixture, String name) throws IOException {
        return Files.copy(TestGranules.fixture(fixture), tmp.resolve(name));
    }

    @Test
    void aGranuleIsOpenedOnceAndSharedByItsReaders() throws Exception {
        Path a = copy("atl03_small.h5", "a.h5");
        OpenGranules pool = new OpenGranules(2);
        HdfFile first;
        try (OpenGranules.Lease one = pool.acquire(a); OpenGranules.Lease two = pool.acquire(tmp.resolve("./a.h5"))) {
            first = one.file();
            assertSame(first, two.file(), "two readers of one granule share its file");
        }
        try (OpenGranules.Lease again = pool.acquire(a)) {
            assertSame(first, again.file(), "returned files stay open for the next reads");
            assertTrue(isOpen(first));
        }
        assertEquals(1, pool.size());
    }

    @Test
    void beyondTheCapacityTheLeastRecentlyUsedIsClosedOnceItsReadersAreDone() throws Exception {
        Path a = copy("atl03_small.h5", "a.h5");
        Path b = copy("atl03_small.h5", "b.h5");
        OpenGranules pool = new OpenGranules(1);
        OpenGranules.Lease onA = pool.acquire(a);
        HdfFile fileA = onA.file();
        HdfFile fileB;
        try (OpenGranules.Lease onB = pool.acquire(b)) {
            fileB = onB.file();
            assertFalse(pool.isOpen(a), "a left the pool");
            assertTrue(isOpen(fileA), "but its reader is still using it");
        }
        onA.close();
        assertFalse(isOpen(fileA), "closed as its last reader returned it");
        onA.close();
        assertTrue(isOpen(fileB), "b stays in the pool");
        try (OpenGranules.Lease onA2 = pool.acquire(a)) {
            assertNotSame(fileA, onA2.file(), "a is opened afresh");
        }
        assertFalse(isOpen(fileB), "b, least recently used and unused, was closed at once");
    }

    @Test
    void releasingClosesNowOrAtTheLastReturn() throws Exception {
        Path a = copy("atl03_small.h5", "a.h5");
        Path b = copy("atl03_small.h5", "b.h5");
        OpenGranules pool = new OpenGranules(4);
        HdfFile fileA;
        try (OpenGranules.Lease onA = pool.acquire(a)) {
            fileA = onA.file();
        }
        OpenGranules.Lease onB = pool.acquire(b);
        pool.release(a);
        assertFalse(isOpen(fileA), "an unused granule is closed when released");
        pool.releaseAll();
        assertEquals(0, pool.size());
        assertTrue(isOpen(onB.file()), "a granule in use stays open for its reader");
        onB.close();
        assertFalse(isOpen(onB.file()));
    }

    @Test
    void withoutCapacityEveryReadOpensAndClosesItsGranule() throws Exception {
        Path a = copy("atl03_small.h5", "a.h5");
        OpenGranules pool = new OpenGranules(0);
        HdfFile file;
        try (OpenGranules.Lease lease = pool.acquire(a)) {
            file = lease.file();
            assertTrue(isOpen(file));
        }
        assertFalse(isOpen(file));
        assertEquals(0, pool.size());
        assertThrows(IllegalArgumentException.class, () -> new OpenGranules(-1));
    }

    @Test
    void unreadableGranulesAreNotKept() throws Exception {
        Path text = Files.writeString(tmp.resolve("text.h5"), "not HDF5");
        byte[] bytes = Files.readAllBytes(TestGranules.fixture("atl03_small.h5"));
        Path cut = Files.write(tmp.resolve("cut.h5"), Arrays.copyOf(bytes, bytes.length / 2));
        OpenGranules pool = new OpenGranules(4);
        OpenGranules.Unreadable notHdf = assertThrows(OpenGranules.Unreadable.class, () -> pool.acquire(text));
        assertTrue(notHdf.getMessage().startsWith("cannot open as HDF5"), notHdf.getMessage());
        OpenGranules.Unreadable truncated = assertThrows(OpenGranules.Unreadable.class, () -> pool.acquire(cut));
        assertTrue(truncated.getMessage().startsWith("is truncated: it has " + bytes.length / 2 + " bytes"), truncated.getMessage());
        assertEquals(0, pool.size());
    }
}
