package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.ext.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API's class list is complete: every resource and provider of ours is in it, and nothing else. */
class RestApplicationTest {

    @Test
    void everyResourceAndProviderOfOursIsListedAndNothingElse() throws Exception {
        Path classes = Path.of("target", "classes");
        assertTrue(Files.isDirectory(classes.resolve("nl/preventiefonds")), classes.toAbsolutePath().toString());
        Set<String> annotated = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("nl/preventiefonds"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                        .replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class) || type.isAnnotationPresent(Provider.class)) {
                    annotated.add(type.getName());
                }
            }
        }
        Set<String> listed = new TreeSet<>();
        new RestApplication().getClasses().forEach(c -> listed.add(c.getName()));
        assertTrue(annotated.size() >= 15, "found the API's classes: " + annotated);
        assertEquals(annotated, listed);
    }

    /**
     * Each resource class serves one resource under its own root path: a class at {@code @Path("")} takes any
     * address and hides which class answers which. None is left (issue 17 §4).
     */
    @Test
    void noNewResourceClassTakesTheWholeApi() {
        Set<String> catchAll = new TreeSet<>();
        for (Class<?> type : new RestApplication().getClasses()) {
            jakarta.ws.rs.Path path = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (path != null && path.value().replace("/", "").isEmpty()) {
                catchAll.add(type.getSimpleName());
            }
        }
        assertEquals(Set.of(), catchAll, "resource classes at @Path(\"\")");
    }
}
