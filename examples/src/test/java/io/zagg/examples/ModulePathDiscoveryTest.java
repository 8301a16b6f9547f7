package io.zagg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The carriers are found on the module path too, through their {@code provides} clauses (the
 * other tests run on the class path, through {@code META-INF/services}): a small named module
 * that {@code requires io.zagg} is compiled and run with our jars on the module path.
 */
class ModulePathDiscoveryTest {

    @TempDir
    Path tmp;

    /** Our packaged module jars and the libraries they need: the test class path without test code. */
    private static List<String> modulePath() {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(e).getFileName().toString();
            boolean testCode = name.equals("test-classes") || name.endsWith("-tests.jar");
            boolean testLibrary = name.startsWith("junit-") || name.startsWith("opentest4j") || name.startsWith("apiguardian")
                    || name.startsWith("quicktheories") || name.startsWith("surefire") || name.startsWith("common-java5")
                    || name.startsWith("common-junit");
            if (!testCode && !testLibrary && !name.equals("classes")) {
                entries.add(e);
            }
        }
        return entries;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), String.join(" ", command) + "\n" + out);
        return out;
    }

    @Test
    void plainAndArrowAreDiscoveredOnTheModulePath() throws Exception {
        List<String> path = modulePath();
        // our modules are jars only once `package` ran (mvn verify); a bare `mvn test` has classes folders
        assumeTrue(path.stream().anyMatch(e -> e.endsWith(".jar") && Path.of(e).getFileName().toString().startsWith("zagg-plain")),
                "skipped: the zagg jars are not packaged yet (run mvn verify)");
        Path src = Files.createDirectories(tmp.resolve("src/probe/probe"));
        Files.writeString(tmp.resolve("src/probe/module-info.java"), "module probe { requires io.zagg; }");
        Files.writeString(src.resolve("Main.java"), "package probe;\n"
                + "public class Main { public static void main(String[] a) {\n"
                + "  System.out.println(io.zagg.Carriers.names());\n"
                + "  System.out.println(io.zagg.Carriers.problems());\n"
                + "  try (io.zagg.spi.Carrier c = io.zagg.Carriers.ARROW.create(io.zagg.spi.CarrierContext.of(1 << 20, \"probe\"))) {\n"
                + "    System.out.println(c.name() + \" started\");\n"
                + "  }\n"
                + "} }\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        String modules = path.stream().collect(Collectors.joining(File.pathSeparator));
        Path out = tmp.resolve("out");
        run(List.of(javac, "-d", out.toString(), "--module-path", modules, "--module-source-path", tmp.resolve("src").toString(),
                "--module", "probe"));
        String printed = run(List.of(java, "--module-path", modules + File.pathSeparator + out.resolve("probe"),
                "--add-modules", "io.zagg.plain,io.zagg.arrow",
                "--add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED",
                "--module", "probe/probe.Main"));
        assertEquals("[arrow, plain]\n[]\narrow started\n", printed, "provides clauses found both carriers, with no problem");
    }
}
