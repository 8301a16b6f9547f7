package io.zagg.arrow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without {@code --add-opens=java.base/java.nio=ALL-UNNAMED} the arrow carrier refuses to start
 * when created — before any shard data — and names the flag. Runs a second JVM without the flag
 * (the tests' own JVM has it).
 */
class ArrowFlagTest {

    @Test
    void withoutTheFlagCreatingTheCarrierNamesTheFlagToAdd() throws IOException, InterruptedException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, ArrowFlagProbe.class.getName()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), output);
        List<String> lines = output.lines().toList();
        assertEquals("carrier 'arrow' cannot start: Arrow's off-heap buffers need java.nio opened to them (sun.misc.Unsafe or"
                + " java.nio.DirectByteBuffer.<init>(long, int) not available). Add the JVM flag"
                + " --add-opens=java.base/java.nio=ALL-UNNAMED (on the module path:"
                + " --add-opens=java.base/java.nio=org.apache.arrow.memory.core). The plain carrier needs no flag.",
                lines.get(lines.size() - 1), output);
    }
}
