package io.zagg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GranulesTest {

    @TempDir
    Path dir;

    private Path touch(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "");
    }

    @Test
    void ofKeepsTheGivenOrder() {
        Path b = Path.of("b.h5");
        Path a = Path.of("a.h5");
        Granules g = Granules.of(b, a, b);
        assertEquals(List.of(b, a, b), g.files());
        assertEquals(3, g.size());
        assertThrows(UnsupportedOperationException.class, () -> g.files().add(a));
    }

    @Test
    void inListsTheH5FilesOfADirectorySortedByName() throws IOException {
        Path c = touch("ATL03_20190103.h5");
        Path a = touch("ATL03_20190101.h5");
        touch("notes.txt");
        Files.createDirectory(dir.resolve("sub.h5"));
        assertEquals(List.of(a, c), Granules.in(dir).files());
    }

    @Test
    void globSelectsByFileName() throws IOException {
        touch("ATL03_20190101.h5");
        Path six = touch("ATL06_20190101.h5");
        Path hdf = touch("ATL06_20190102.hdf5");
        assertEquals(List.of(six, hdf), Granules.in(dir, "ATL06_*.{h5,hdf5}").files());
    }

    @Test
    void aMissingDirectoryOrNoMatchIsAnError() throws IOException {
        assertEquals("granule directory " + dir.resolve("nope") + " does not exist or is not a directory",
                assertThrows(IllegalArgumentException.class, () -> Granules.in(dir.resolve("nope"))).getMessage());
        touch("x.txt");
        assertEquals("no granule in " + dir + " matches '*.h5'", assertThrows(IllegalArgumentException.class, () -> Granules.in(dir)).getMessage());
    }
}
