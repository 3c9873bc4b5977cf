package nl.preventiefonds;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The main Java sources of both modules, for the tests that read the source (run from the web module). */
final class MainSources {
    static final List<Path> ROOTS = List.of(Path.of("..", "ejb", "src", "main", "java"), Path.of("src", "main", "java"));

    /** What a source test does with one file; root is the source folder it lies in. */
    interface Visitor {
        void visit(Path root, Path file) throws IOException;
    }

    private MainSources() {
    }

    /** Visits every .java file of both modules and fails when the folders are missing or nearly empty. */
    static void forEach(Visitor visitor) throws IOException {
        int files = 0;
        for (Path root : ROOTS) {
            assertTrue(Files.isDirectory(root), root.toAbsolutePath() + " (run from the web module)");
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path file : paths.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    visitor.visit(root, file);
                }
            }
        }
        assertTrue(files > 100, "found only " + files + " source files");
    }
}
