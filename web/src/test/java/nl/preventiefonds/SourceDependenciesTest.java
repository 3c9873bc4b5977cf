package nl.preventiefonds;

import static nl.preventiefonds.DomainOrder.ROOT;
import static nl.preventiefonds.DomainOrder.domainOf;
import static nl.preventiefonds.DomainOrder.frozen;
import static nl.preventiefonds.DomainOrder.rank;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The domain order of {@link ArchitectureTest} on the sources. The compiler copies a constant such as
 * {@code RoleNames.FUND_MANAGER} in {@code @RolesAllowed} into the class that uses it, so the class files do not
 * show that dependency; the imports and qualified names in the source do.
 */
class SourceDependenciesTest {

    private static final Pattern REFERENCE = Pattern.compile(
            "\\bnl\\.preventiefonds\\.[a-z]+(?:\\.[a-z]+)*\\.[A-Z][A-Za-z0-9_]*");

    @Test
    void domainsDependOneWayInTheSource() throws IOException {
        List<String> breaches = new ArrayList<>();
        MainSources.forEach((root, file) -> breaches.addAll(breachesIn(root, file)));
        assertEquals(List.of(), breaches, "against the domain order " + DomainOrder.ORDER);
    }

    @Test
    void aConstantOfAHigherDomainIsSeen() {
        List<String> found = breachesIn("nl.preventiefonds.audit.Sample", List.of(
                "import nl.preventiefonds.identity.Role;",
                "@RolesAllowed(Role.Names.FUND_MANAGER)",
                "// nl.preventiefonds.privacy.Anonymisation in a comment is no dependency",
                "    private String x = nl.preventiefonds.fund.Fund.NAME;"));
        assertEquals(List.of(
                "nl.preventiefonds.audit.Sample -> nl.preventiefonds.identity.Role",
                "nl.preventiefonds.audit.Sample -> nl.preventiefonds.fund.Fund"), found);
    }

    private static List<String> breachesIn(Path root, Path file) throws IOException {
        String relative = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
        String origin = relative.substring(0, relative.length() - ".java".length());
        return breachesIn(origin, Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static List<String> breachesIn(String origin, List<String> lines) {
        List<String> breaches = new ArrayList<>();
        int from = rank(domainOf(origin));
        for (String line : lines) {
            String code = line.strip();
            if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*") || code.startsWith("package ")) {
                continue;
            }
            Matcher reference = REFERENCE.matcher(code);
            while (reference.find()) {
                String target = reference.group();
                if (target.startsWith(ROOT) && rank(domainOf(target)) > from && !frozen(origin, target)) {
                    breaches.add(origin + " -> " + target);
                }
            }
        }
        return breaches;
    }
}
